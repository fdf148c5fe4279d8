package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import java.util.Locale;

/** How the desk pages name a candidate's file beside its name: "resume v2", "cover_letter". */
final class DeskFiles {

  private DeskFiles() {}

  /** The kind in lower case, with the version for a resume (the one kind that has versions). */
  static String kind(Attachment file) {
    String kind = file.kind().name().toLowerCase(Locale.ROOT);
    return file.kind() == Attachment.Kind.RESUME ? kind + " v" + file.attachmentVersion() : kind;
  }
}

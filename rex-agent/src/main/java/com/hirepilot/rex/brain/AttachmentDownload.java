package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * "The client cannot download a file": read the submission's files; a private file cannot be
 * downloaded by clients, so a public version (or a public re-upload) and a resend fix it.
 */
final class AttachmentDownload implements Playbook {

  static final AttachmentDownload INSTANCE = new AttachmentDownload();

  @Override
  public void plan(Turn turn, Calls calls) {
    OutdatedResume.readFilesAndOfferNewest(turn, calls);
  }

  @Override
  public String opener(Turn turn) {
    return "Clients can download only files marked public on a submission they can see.";
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.SubmissionAttachments files = turn.evidence().attachments();
    if (turn.client() || files == null || !files.found()) {
      return null;
    }
    List<String> privateShared = new ArrayList<>();
    for (Findings.FileInfo f : files.files()) {
      if (f.shared() && !f.isPublic()) {
        privateShared.add(f.filename());
      }
    }
    if (privateShared.isEmpty()) {
      return "the shared files are public, so permissions are not the cause. If a file will"
          + " not open, upload it again (it may be corrupted) and resend.";
    }
    return Text.joinAnd(privateShared)
        + " is private, so clients cannot download it. "
        + (files.newerPublicFileNotShared()
            ? "A public version exists: resending with the newest files fixes it."
            : "Upload it again with public=true, then resend the submission with it.");
  }

  @Override
  public List<String> missing(Turn turn) {
    return OutdatedResume.missingSubmission(turn);
  }
}

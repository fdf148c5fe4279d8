package com.hirepilot.app.support;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentVersions;
import java.util.List;

/**
 * What is left of the former desk service, split into {@link AppSupportDesk}, {@link
 * RecruiterDeskReads}, {@link ClientDeskReads} and {@link DeskActions}: only the attachment rule
 * {@link ProposedActions} still calls by this name. Remove it once ProposedActions calls {@link
 * AttachmentVersions#newestPublicFiles} directly.
 */
final class SupportDeskService {

  private SupportDeskService() {}

  /** See {@link AttachmentVersions#newestPublicFiles}. */
  static List<String> newestPublicFiles(List<String> shared, List<Attachment> all) {
    return AttachmentVersions.of(all).newestPublicFiles(shared);
  }
}

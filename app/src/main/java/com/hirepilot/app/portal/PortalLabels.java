package com.hirepilot.app.portal;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.workflows.submission.SubmissionStatus;

/** The words the portal uses for states and kinds: a client never reads an enum name. */
final class PortalLabels {

  private PortalLabels() {}

  static String status(SubmissionStatus status) {
    return switch (status) {
      case SENDING, AWAITING_FEEDBACK -> "Waiting for your feedback";
      case INTERVIEW_REQUESTED -> "Interview requested";
      case APPROVED -> "Approved";
      case REJECTED -> "Rejected";
      case WITHDRAWN -> "Withdrawn";
    };
  }

  static String kind(Attachment.Kind kind) {
    return switch (kind) {
      case RESUME -> "Resume";
      case COVER_LETTER -> "Cover letter";
      default -> "Document";
    };
  }

  /**
   * How a page can show a file inline. Only types detected from the file's bytes at upload reach
   * here, so the stored content type can be trusted to pick the viewer.
   */
  static String preview(String contentType) {
    if ("application/pdf".equals(contentType)) {
      return "pdf";
    }
    if ("image/png".equals(contentType) || "image/jpeg".equals(contentType)) {
      return "image";
    }
    return "none";
  }

  /** The filter names the job page's links use, and the statuses each one shows. */
  static boolean matches(String filter, SubmissionStatus status) {
    if (filter == null) {
      return true;
    }
    return switch (filter) {
      case "waiting" ->
          status == SubmissionStatus.SENDING || status == SubmissionStatus.AWAITING_FEEDBACK;
      case "interview" -> status == SubmissionStatus.INTERVIEW_REQUESTED;
      case "approved" -> status == SubmissionStatus.APPROVED;
      case "rejected" -> status == SubmissionStatus.REJECTED;
      default -> true;
    };
  }
}

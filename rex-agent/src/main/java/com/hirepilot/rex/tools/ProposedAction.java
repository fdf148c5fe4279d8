package com.hirepilot.rex.tools;

/** An action REX may propose. A person confirms it; the app runs it once and audits it. */
public sealed interface ProposedAction {

  String kind();

  /** Email a fresh sign-in link to a collaborator; older links keep working. */
  record AccessLinkResend(String jobId, String email) implements ProposedAction {
    @Override
    public String kind() {
      return "RESEND_ACCESS_LINK";
    }
  }

  /**
   * Send the submission email again; with {@code withNewestFiles}, each shared file is replaced by
   * the candidate's newest public file of its kind (the newest resume, say).
   */
  record SubmissionResend(String submissionId, boolean withNewestFiles) implements ProposedAction {
    @Override
    public String kind() {
      return "RESEND_SUBMISSION";
    }
  }

  /**
   * Open a support ticket with the fields the escalation policy requires.
   *
   * @param urgent a failure the user reports across clients: support must act at once, so the
   *     ticket is opened urgent, and a field still missing is noted on it rather than waited for
   */
  record Escalation(
      String jobId,
      String candidateId,
      String clientEmail,
      String portalUrl,
      String errorMessage,
      String browser,
      String summary,
      boolean urgent)
      implements ProposedAction {
    @Override
    public String kind() {
      return "OPEN_TICKET";
    }
  }
}

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

  /** Send the submission email again, optionally sharing the candidate's newest resume. */
  record SubmissionResend(String submissionId, boolean withLatestResume) implements ProposedAction {
    @Override
    public String kind() {
      return "RESEND_SUBMISSION";
    }
  }

  /** Open a support ticket with the fields the escalation policy requires. */
  record Escalation(
      String jobId,
      String candidateId,
      String clientEmail,
      String portalUrl,
      String errorMessage,
      String browser,
      String summary)
      implements ProposedAction {
    @Override
    public String kind() {
      return "OPEN_TICKET";
    }
  }
}

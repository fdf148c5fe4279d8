package com.hirepilot.rex.brain;

/**
 * The support intents REX recognises: the seed's common issues, its escalation cases, the two fixes
 * support performs, and questions the documentation answers. Each cites one section.
 */
public enum Intent {
  ACCESS_PROBLEM("troubleshooting#cannot-access"),
  NO_CANDIDATES("troubleshooting#no-candidates"),
  OUTDATED_RESUME("troubleshooting#outdated-resume"),
  BUTTONS_NOT_WORKING("troubleshooting#buttons-not-working"),
  ATTACHMENT_DOWNLOAD("troubleshooting#cannot-download"),
  EMAIL_NOT_RECEIVED("troubleshooting#not-receiving-emails"),
  /** An automation rule that did not fire, or whose webhook or Slack message did not arrive. */
  AUTOMATION_NOT_FIRED("automation-engine#troubleshooting"),
  SUBMISSION_STATUS("submissions-and-feedback#statuses"),
  JOB_ACTIVITY("job-reqs#job-activity"),
  SYSTEM_WIDE_FAILURE("troubleshooting#system-wide-failures"),
  ESCALATE("troubleshooting#escalation"),
  RESEND_ACCESS_LINK("client-portal#signing-in"),
  RESEND_SUBMISSION("submissions-and-feedback#resending"),
  /** A client new to the portal, or anyone, asking to be shown around it. */
  PORTAL_TOUR("client-portal#tour"),
  /** A question the documentation answers; its section is whichever retrieval ranks first. */
  HOW_TO(null);

  private static final java.util.Set<String> EMAIL_PROBLEM_SECTIONS =
      java.util.Set.of("not-sent-yet", "failed", "deferred", "flagged-addresses");

  private final String section;

  Intent(String section) {
    this.section = section;
  }

  /**
   * The issue a section is about, when retrieval ranks it first for wording no rule knows. Only the
   * problem pages count: a how-to page ranking first means a how-to question.
   */
  public static Intent ofSection(String ref) {
    // The email pages that explain a missing email by its delivery status are problem pages too.
    if (ref.startsWith("email-delivery#") && EMAIL_PROBLEM_SECTIONS.contains(ref.substring(15))) {
      return EMAIL_NOT_RECEIVED;
    }
    for (Intent intent :
        new Intent[] {
          ACCESS_PROBLEM,
          NO_CANDIDATES,
          OUTDATED_RESUME,
          BUTTONS_NOT_WORKING,
          ATTACHMENT_DOWNLOAD,
          EMAIL_NOT_RECEIVED,
          AUTOMATION_NOT_FIRED,
          SUBMISSION_STATUS,
          JOB_ACTIVITY,
          SYSTEM_WIDE_FAILURE,
          ESCALATE
        }) {
      if (intent.section.equals(ref)) {
        return intent;
      }
    }
    return null;
  }

  /** The section an answer for this intent cites, or null when retrieval decides. */
  public String section() {
    return section;
  }
}

package com.hirepilot.rex.brain;

/** The support scripts REX opens with, in its own words (the seed's conversational scripts). */
final class Scripts {

  private Scripts() {}

  static final String ACCESS =
      "No problem: sign-in links expire, and each one works once. Let's get a fresh one to the"
          + " right address.";

  static final String INTRO =
      "The Client Portal is your private workspace for reviewing the candidates submitted to"
          + " you. Would you like a quick tour?";

  static final String ROLES =
      "Collaborators can approve, reject, request interviews and comment, but they cannot edit"
          + " candidate profiles.";

  static final String SUBMISSION_VISIBILITY =
      "Let's confirm the candidate was submitted to this exact Job REQ. I can help you resend"
          + " the submission.";
}

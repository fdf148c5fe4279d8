package com.hirepilot.workflows.submission;

import io.temporal.failure.ApplicationFailure;
import java.util.Locale;

/**
 * The one way a submission refuses an action that contradicts its state: a second, different final
 * decision, a withdrawal after the client decided, a resend once it is over. The workflow's
 * validators and handlers fail with {@link #TYPE}; the app answers it, and its own checks of the
 * stored status, with the same sentences (HTTP 409).
 */
public final class SubmissionConflict {

  /** The {@link ApplicationFailure} type of every refusal. */
  public static final String TYPE = "SubmissionConflict";

  private SubmissionConflict() {}

  /** A different outcome was asked for after this final one. */
  public static String alreadyFinal(SubmissionStatus outcome) {
    return "The candidate was already " + lower(outcome) + "; that is final";
  }

  /** A resend was asked for after this final outcome. */
  public static String nothingToResend(SubmissionStatus outcome) {
    return "The candidate was already " + lower(outcome) + "; there is nothing to resend";
  }

  /** The failure a validator or handler throws; it rejects the Update, not the workflow. */
  public static ApplicationFailure failure(String message) {
    return ApplicationFailure.newFailure(message, TYPE);
  }

  /** Whether a failure reported by an Update is such a refusal. */
  public static boolean is(Throwable failure) {
    return failure instanceof ApplicationFailure application && TYPE.equals(application.getType());
  }

  private static String lower(SubmissionStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}

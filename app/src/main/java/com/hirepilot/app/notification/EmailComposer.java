package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;
import java.time.Instant;
import java.util.Set;

/**
 * Builds the emails of some kinds at each delivery attempt. The feature that sends them (the
 * submission, sign-in, support) implements it; delivery, retries and records stay here.
 */
public interface EmailComposer {

  Set<EmailKind> kinds();

  /**
   * The message to hand to the relay for this attempt.
   *
   * @throws NothingToSend when the email is no longer wanted (the submission moved on meanwhile)
   */
  OutgoingEmail compose(EmailRecipe recipe);

  /** The relay accepted the message: record what the feature records (a timeline line). */
  default void sent(EmailRecipe recipe, Instant at) {}

  /** The email is no longer wanted; the delivery is closed without sending. */
  final class NothingToSend extends RuntimeException {
    public NothingToSend(String why) {
      super(why);
    }
  }
}

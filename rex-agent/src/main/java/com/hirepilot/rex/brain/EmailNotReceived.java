package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * "The client never got the email": read the address's memberships and its delivery log, and let
 * the log decide. A resend only where another message can arrive: never to a flagged address (it
 * would bounce again), never while the first is still on its way (it would arrive twice).
 */
final class EmailNotReceived implements Playbook {

  static final EmailNotReceived INSTANCE = new EmailNotReceived();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      AccessProblem.readOwnAccessThenOfferALink(calls);
      return;
    }
    Understanding u = turn.understanding();
    String email = u.email();
    if (email == null) {
      return;
    }
    if (!turn.asked("collaboratorAccess")) {
      calls.call("collaboratorAccess", args("email", email, "jobId", u.job()));
      calls.call("emailDeliveries", args("email", email));
      return;
    }
    DeliveryReading reading = reading(turn);
    String job = Memberships.activeJobOf(turn.evidence().access(), u.job());
    if (reading == null || job == null) {
      return;
    }
    String submission = reading.latestSubmission();
    if (reading.resendHelps() && submission != null) {
      calls.act(
          "proposeSubmissionResend", args("submissionId", submission, "withNewestFiles", false));
    } else if (reading.verdict() == DeliveryReading.Verdict.NOTHING_SENT
        || (reading.resendHelps() && submission == null)) {
      calls.act("proposeAccessLinkResend", args("jobId", job, "email", email));
    }
  }

  private static DeliveryReading reading(Turn turn) {
    Findings.EmailDeliveries log = turn.evidence().deliveries();
    return log == null ? null : DeliveryReading.of(log);
  }

  @Override
  public String opener(Turn turn) {
    return "Let's see what happened to the email.";
  }

  @Override
  public String diagnosis(Turn turn) {
    DeliveryReading reading = turn.client() ? null : reading(turn);
    return reading == null ? null : reading.diagnosis();
  }

  @Override
  public List<String> nextSteps(Turn turn) {
    DeliveryReading reading = turn.client() ? null : reading(turn);
    String instead = reading == null ? null : reading.nextStep(turn.evidence().access());
    return instead == null ? List.of() : List.of(instead);
  }

  @Override
  public String narrowerSection(Turn turn) {
    DeliveryReading reading = turn.client() ? null : reading(turn);
    return reading == null ? null : reading.verdict().section();
  }

  @Override
  public List<String> missing(Turn turn) {
    return AccessProblem.missingAddress(turn);
  }
}

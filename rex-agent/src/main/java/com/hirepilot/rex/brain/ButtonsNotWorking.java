package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * "The feedback buttons do nothing": check health first (many clients means escalate at once), then
 * the submission (a decided one takes no more feedback) and the client's access (a stale session is
 * the usual cause: a fresh link fixes it).
 */
final class ButtonsNotWorking implements Playbook {

  static final ButtonsNotWorking INSTANCE = new ButtonsNotWorking();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      if (!turn.asked("myAccess")) {
        calls.call("myAccess", args());
        calls.call("portalStatus", args());
        return;
      }
      Findings.PortalStatus status = turn.evidence().portalStatus();
      if (status != null && status.systemWideProblem()) {
        calls.act("escalateSystemWideFailure", args("summary", status.summary()));
      } else {
        calls.act("proposeMyAccessLink", args());
      }
      return;
    }
    Understanding u = turn.understanding();
    String email = u.email();
    if (!turn.asked("systemHealth")) {
      calls.call("systemHealth", args());
      if (u.submission() != null) {
        calls.call("submissionState", args("submissionId", u.submission()));
      }
      if (email != null) {
        calls.call("collaboratorAccess", args("email", email, "jobId", u.job()));
      }
      return;
    }
    Findings.SystemHealth health = turn.evidence().health();
    if (health != null && health.systemWide()) {
      calls.act("escalateSystemWideFailure", args("summary", SystemWideFailure.summary(health)));
      return;
    }
    String job = email == null ? null : Memberships.activeJobOf(turn.evidence().access(), u.job());
    if (job != null && !decided(turn.evidence().state())) {
      calls.act("proposeAccessLinkResend", args("jobId", job, "email", email));
    }
  }

  private static boolean decided(Findings.SubmissionState state) {
    return state != null
        && List.of("APPROVED", "REJECTED", "WITHDRAWN").contains(String.valueOf(state.status()));
  }

  @Override
  public String opener(Turn turn) {
    return "Let's find out why the feedback buttons are not responding, and whether it is only"
        + " this client.";
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.CollaboratorAccess access = turn.evidence().access();
    return turn.client() || access == null ? null : AccessProblem.diagnosis(access);
  }
}

package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * A client who cannot get in: read the address's memberships and latest link, say which of the
 * causes it is (expired, used, still valid, removed, never invited), and propose a fresh link to
 * the job they are active on. A client asking for themselves gets their own access read and a fresh
 * link to their own address proposed.
 */
class AccessProblem implements Playbook {

  static final AccessProblem INSTANCE = new AccessProblem();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      readOwnAccessThenOfferALink(calls);
      return;
    }
    Understanding u = turn.understanding();
    String email = u.email();
    if (email == null || calls.read("collaboratorAccess", args("email", email, "jobId", u.job()))) {
      return;
    }
    String job = Memberships.activeJobOf(turn.evidence().access(), u.job());
    if (job != null) {
      calls.act("proposeAccessLinkResend", args("jobId", job, "email", email));
    }
  }

  /** A client's own access problem: their access read, then a fresh link to themselves. */
  static void readOwnAccessThenOfferALink(Calls calls) {
    if (!calls.read("myAccess", args())) {
      calls.act("proposeMyAccessLink", args());
    }
  }

  @Override
  public String opener(Turn turn) {
    return Scripts.ACCESS;
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.CollaboratorAccess access = turn.evidence().access();
    return turn.client() || access == null ? null : diagnosis(access);
  }

  /** Why the address cannot get in, from its memberships and its latest link. */
  static String diagnosis(Findings.CollaboratorAccess access) {
    Findings.Membership active = null;
    boolean removed = false;
    for (Findings.Membership m : access.memberships()) {
      if ("ACTIVE".equals(m.status())) {
        active = m;
      } else {
        removed = true;
      }
    }
    if (active == null) {
      return removed
          ? "they were removed from the job, so their links and sessions stopped working."
              + " Add them again if that was a mistake."
          : "the address is on no job here, so no link can work. Check the spelling, then add"
              + " them as a collaborator.";
    }
    return switch (active.lastLinkState() == null ? "NONE" : active.lastLinkState()) {
      case "EXPIRED" -> "their last link expired. A fresh link fixes it.";
      case "USED" ->
          "their last link was already used (each link signs in once, and a mail scanner or"
              + " another device may have used it). A fresh link fixes it.";
      case "VALID" ->
          "their last link still works, so the link is not the cause: they may be opening an"
              + " older email, a cut-off link, or a browser that blocks cookies. A fresh link"
              + " and another browser usually settle it.";
      case "REVOKED" ->
          "their last link was revoked, so it cannot sign them in any more. They are a"
              + " collaborator again now: a fresh link fixes it.";
      default -> "no sign-in link has been sent to them yet. Send one.";
    };
  }

  @Override
  public List<String> missing(Turn turn) {
    return missingAddress(turn);
  }

  /** A recruiter's issue about one client needs their address, and the job when several. */
  static List<String> missingAddress(Turn turn) {
    if (turn.client()) {
      return List.of();
    }
    Understanding u = turn.understanding();
    if (u.email() == null) {
      return List.of("the client's email address");
    }
    if (Memberships.needsJob(turn.evidence().access(), u.job())) {
      return List.of("the job ID (the client is on several jobs)");
    }
    return List.of();
  }
}

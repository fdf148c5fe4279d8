package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * "The portal shows no candidates": read the job's submissions (or, from the client's address,
 * every job they are active on), then say which it is: nothing submitted, everything withdrawn, no
 * collaborator, or a job that does show candidates (the client is elsewhere: a fresh link opens the
 * portal on their jobs, signed in as themselves).
 */
final class NoCandidates implements Playbook {

  static final NoCandidates INSTANCE = new NoCandidates();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
      return;
    }
    Understanding u = turn.understanding();
    String email = u.email();
    if (u.job() != null) {
      if (calls.read("jobSubmissions", args("jobId", u.job()))) {
        return;
      }
    } else {
      if (email == null || calls.read("collaboratorAccess", args("email", email, "jobId", null))) {
        return;
      }
      if (!turn.asked("jobSubmissions")) {
        Findings.CollaboratorAccess access = turn.evidence().access();
        for (Findings.Membership m :
            access == null ? List.<Findings.Membership>of() : access.memberships()) {
          if ("ACTIVE".equals(m.status()) && !calls.plans("jobSubmissions")) {
            calls.call("jobSubmissions", args("jobId", m.jobId()));
          }
        }
        return;
      }
    }
    String job = Memberships.jobShowingCandidates(turn.evidence().jobs());
    if (email != null && job != null) {
      calls.act("proposeAccessLinkResend", args("jobId", job, "email", email));
    }
  }

  @Override
  public String opener(Turn turn) {
    return Scripts.SUBMISSION_VISIBILITY;
  }

  @Override
  public String diagnosis(Turn turn) {
    if (turn.client()) {
      return null;
    }
    for (Findings.JobSubmissions job : turn.evidence().jobs()) {
      if (!job.found()) {
        return null;
      }
      long visible = job.submissions().stream().filter(s -> s.visibleToClients()).count();
      if (job.submissions().isEmpty()) {
        return "nothing has been submitted to this job yet, so the portal is right to be empty."
            + " Submit the candidate to this job.";
      }
      if (visible == 0) {
        return "every submission to this job was withdrawn. Submit the candidate again if the"
            + " client should see them.";
      }
      if (job.activeCollaborators() == 0) {
        return "the job has candidates but no active collaborator. Add the client to the job.";
      }
      return "the job does show candidates to its clients. The client is probably looking at"
          + " another job or signed in with another address; check the job in their address"
          + " bar and their email.";
    }
    return candidateDiagnosis(turn);
  }

  /** For a named candidate: where they were submitted, and whether clients can see it. */
  private static String candidateDiagnosis(Turn turn) {
    Findings.CandidateSubmissions c =
        turn.evidence().first("candidateSubmissions", Findings.CandidateSubmissions.class);
    if (c == null || !c.found()) {
      return null;
    }
    if (c.submissions().isEmpty()) {
      return c.candidateName()
          + " was never submitted, so no client can see them. Submit them"
          + " to the job.";
    }
    if (c.submissions().stream().noneMatch(s -> s.visibleToClients())) {
      return "every submission of "
          + c.candidateName()
          + " was withdrawn, so clients no longer"
          + " see them. Submit them again if the client should.";
    }
    return c.candidateName()
        + " is visible to the clients of the jobs listed; a client on"
        + " another job cannot see them. Check the client is a collaborator on that job.";
  }

  @Override
  public List<String> missing(Turn turn) {
    if (turn.client()) {
      return List.of();
    }
    Understanding u = turn.understanding();
    if (u.job() == null && u.email() == null && u.candidateId() == null) {
      return List.of("the job ID or the client's email address");
    }
    if (u.email() == null && Memberships.jobShowingCandidates(turn.evidence().jobs()) != null) {
      return List.of("the client's email address, to send them a fresh link to this job");
    }
    return List.of();
  }
}

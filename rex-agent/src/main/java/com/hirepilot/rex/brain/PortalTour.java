package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * The support document's portal introduction ("Want a quick tour?"), given: the portal's parts in
 * the order a client meets them, with links to the client's own pages (their jobs, each job, the
 * candidates waiting for them).
 */
final class PortalTour implements Playbook {

  static final PortalTour INSTANCE = new PortalTour();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
    }
  }

  @Override
  public String opener(Turn turn) {
    return turn.client()
        ? "Happy to show you around. The Client Portal is your private workspace for reviewing"
            + " the candidates submitted to you; here are its parts, with links to your own pages."
        : "Here is the tour to give a client who is new to the portal.";
  }

  @Override
  public List<String> nextSteps(Turn turn) {
    Findings.MyJobs mine = turn.evidence().myJobs();
    if (!turn.client() || mine == null) {
      return List.of();
    }
    String base = turn.portalBaseUrl();
    List<String> pages = new ArrayList<>();
    pages.add("Your jobs: " + base + "/portal");
    for (Findings.MyJobWithCandidates job : mine.jobs()) {
      pages.add(Text.quoted(job.jobTitle()) + ": " + base + "/portal/jobs/" + job.jobId());
      for (Findings.VisibleSubmission s : job.submissions()) {
        pages.add(
            s.candidateName()
                + " ("
                + Text.words(s.status())
                + "): "
                + base
                + "/portal/submissions/"
                + s.submissionId());
      }
    }
    return List.of("Your pages:\n" + Text.bullets(pages));
  }
}

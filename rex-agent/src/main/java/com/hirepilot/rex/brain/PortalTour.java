package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.knowledge.Section;
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
  public boolean listsFindings(Turn turn) {
    return !turn.client();
  }

  /**
   * The section's numbered steps, each cut to its first sentence: a tour to read in a chat, not the
   * whole page.
   */
  @Override
  public String fix(Turn turn, Section section) {
    List<String> steps = new ArrayList<>();
    StringBuilder step = null;
    for (String line : section.readable().split("\n")) {
      if (line.matches("^\\d+\\. .*")) {
        if (step != null) {
          steps.add(firstSentence(step.toString()));
        }
        step = new StringBuilder(line.strip());
      } else if (step != null && !line.isBlank()) {
        step.append(' ').append(line.strip());
      } else if (step != null) {
        steps.add(firstSentence(step.toString()));
        step = null;
      }
    }
    if (step != null) {
      steps.add(firstSentence(step.toString()));
    }
    return steps.isEmpty() ? null : String.join("\n", steps);
  }

  /**
   * The step up to the end of its first sentence after the bold title (or its second, when the
   * first is only the page's address), in plain text.
   */
  private static String firstSentence(String step) {
    int title = step.indexOf("**", step.indexOf("**") + 2);
    int end = step.indexOf(". ", Math.max(0, title));
    if (end >= 0 && end - title < 50) {
      int next = step.indexOf(". ", end + 2);
      // No further sentence break: the step's second sentence runs to its end.
      end = next < 0 ? step.length() - 1 : next;
    }
    String cut = end < 0 ? step : step.substring(0, end + 1);
    return cut.replace("**", "").replace("`", "");
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

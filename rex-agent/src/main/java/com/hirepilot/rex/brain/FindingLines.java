package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Text.joinAnd;
import static com.hirepilot.rex.brain.Text.quoted;
import static com.hirepilot.rex.brain.Text.words;

import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * "What I found": each finding of the turn in one or more plain lines, in the order the tools were
 * asked. The facts only; what they mean is the playbook's to say.
 */
final class FindingLines {

  private FindingLines() {}

  static List<String> of(Evidence evidence, String question) {
    List<String> lines = new ArrayList<>();
    for (Evidence.Read read : evidence.reads()) {
      Object f = read.finding();
      if (f instanceof Findings.CollaboratorAccess a) {
        lines.addAll(access(a));
      } else if (f instanceof Findings.JobSubmissions j) {
        lines.add(job(j));
      } else if (f instanceof Findings.CandidateSubmissions c) {
        lines.add(candidate(c));
      } else if (f instanceof Findings.SubmissionState s) {
        lines.add(SubmissionLines.state(s));
      } else if (f instanceof Findings.EmailDeliveries d) {
        lines.addAll(DeliveryReading.of(d).findings());
      } else if (f instanceof Findings.AutomationRuns r) {
        lines.addAll(AutomationReading.of(r, question).findings());
      } else if (f instanceof Findings.SubmissionAttachments a) {
        lines.addAll(SubmissionLines.attachments(a));
      } else if (f instanceof Findings.JobActivity a) {
        lines.addAll(SubmissionLines.activity(a));
      } else if (f instanceof Findings.SystemHealth h) {
        lines.add(health(h));
      } else if (f instanceof Findings.MyAccess me) {
        lines.add(myAccess(me));
      } else if (f instanceof Findings.MyJobs mine) {
        lines.addAll(myJobs(mine));
      } else if (f instanceof Findings.PortalStatus status) {
        lines.add(
            status.summary() == null
                ? "No known portal-wide problem right now."
                : status.summary());
      }
    }
    return lines;
  }

  static List<String> access(Findings.CollaboratorAccess access) {
    String email = access.email();
    List<String> lines = new ArrayList<>();
    if (access.memberships().isEmpty()) {
      lines.add(
          email
              + " is not a collaborator on any job in this workspace. Add them to the job"
              + " (check the spelling of the address first).");
      return lines;
    }
    for (Findings.Membership m : access.memberships()) {
      String job = quoted(m.jobTitle()) + " (job " + m.jobId() + ")";
      if (!"ACTIVE".equals(m.status())) {
        lines.add(email + " was removed from " + job + "; their links and sessions were revoked.");
        continue;
      }
      String link =
          switch (m.lastLinkState() == null ? "NONE" : m.lastLinkState()) {
            case "VALID" ->
                "their last link was sent "
                    + m.lastLinkSentAt()
                    + " and still works until "
                    + m.lastLinkExpiresAt();
            case "USED" -> "their last link (sent " + m.lastLinkSentAt() + ") was already used";
            case "EXPIRED" ->
                "their last link (sent "
                    + m.lastLinkSentAt()
                    + ") expired at "
                    + m.lastLinkExpiresAt();
            case "REVOKED" -> "their links were revoked";
            default -> "no sign-in link has been sent to them yet";
          };
      String seen =
          m.lastSignInAt() != null ? "; last signed in " + m.lastSignInAt() : "; never signed in";
      lines.add(email + " is an active collaborator on " + job + "; " + link + seen + ".");
    }
    return lines;
  }

  static String job(Findings.JobSubmissions job) {
    if (!job.found()) {
      return "There is no job " + job.jobId() + " in this workspace.";
    }
    String title = quoted(job.jobTitle());
    List<String> visible = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (Findings.SubmittedCandidate s : job.submissions()) {
      String line =
          s.candidateName() + " (" + words(s.status()) + ", submission " + s.submissionId() + ")";
      (s.visibleToClients() ? visible : hidden).add(line);
    }
    StringBuilder out = new StringBuilder();
    if (visible.isEmpty() && hidden.isEmpty()) {
      out.append("No candidate has been submitted to ").append(title).append(" yet.");
    } else {
      out.append(title)
          .append(" has ")
          .append(visible.size())
          .append(visible.size() == 1 ? " candidate" : " candidates")
          .append(" visible to clients");
      out.append(visible.isEmpty() ? "" : ": " + String.join("; ", visible)).append('.');
      if (!hidden.isEmpty()) {
        out.append(" Not visible (withdrawn): ").append(String.join("; ", hidden)).append('.');
      }
    }
    int collaborators = job.activeCollaborators();
    out.append(
        collaborators == 0
            ? " The job has no active collaborators, so no client can see it."
            : " " + collaborators + " active collaborator" + (collaborators == 1 ? "" : "s") + ".");
    return out.toString();
  }

  static String candidate(Findings.CandidateSubmissions c) {
    if (!c.found()) {
      return "There is no candidate " + c.candidateId() + " in this workspace.";
    }
    if (c.submissions().isEmpty()) {
      return c.candidateName() + " has not been submitted to any job yet.";
    }
    List<String> each = new ArrayList<>();
    for (Findings.CandidateSubmission s : c.submissions()) {
      each.add(
          quoted(s.jobTitle())
              + " (job "
              + s.jobId()
              + "): "
              + words(s.status())
              + (s.visibleToClients() ? ", visible to its clients" : ", not visible (withdrawn)")
              + ", submission "
              + s.submissionId());
    }
    return c.candidateName() + " was submitted to " + String.join("; ", each) + ".";
  }

  static String health(Findings.SystemHealth health) {
    List<String> parts = new ArrayList<>();
    for (Findings.Signal s : health.signals()) {
      parts.add(
          Text.signalName(s.name())
              + " "
              + s.failures()
              + " of "
              + s.attempts()
              + (s.systemWide() ? " (SYSTEM-WIDE)" : ""));
    }
    String window = "the last " + health.windowMinutes() + " minutes";
    return (health.systemWide()
            ? "System health shows a system-wide failure in " + window + ": "
            : "No system-wide failure in " + window + ": ")
        + String.join(", ", parts)
        + ".";
  }

  static String myAccess(Findings.MyAccess me) {
    List<String> jobs = new ArrayList<>();
    for (Findings.MyJob j : me.jobs()) {
      jobs.add(quoted(j.jobTitle()));
    }
    return "You are signed in as "
        + me.email()
        + (jobs.isEmpty()
            ? ", and no job is shared with you at the moment."
            : " and can review " + joinAnd(jobs) + ".");
  }

  static List<String> myJobs(Findings.MyJobs mine) {
    List<String> lines = new ArrayList<>();
    if (mine.jobs().isEmpty()) {
      lines.add("No job is shared with you at the moment.");
    }
    for (Findings.MyJobWithCandidates job : mine.jobs()) {
      List<String> people = new ArrayList<>();
      for (Findings.VisibleSubmission s : job.submissions()) {
        List<String> files = new ArrayList<>();
        for (Findings.VisibleFile f : s.files()) {
          files.add(f.filename() + (f.downloadable() ? "" : " (not downloadable)"));
        }
        people.add(
            s.candidateName()
                + " ("
                + s.status()
                + (files.isEmpty() ? "" : "; files: " + String.join(", ", files))
                + ")");
      }
      lines.add(
          quoted(job.jobTitle())
              + ": "
              + (people.isEmpty() ? "no candidates submitted yet" : String.join("; ", people)));
    }
    return lines;
  }
}

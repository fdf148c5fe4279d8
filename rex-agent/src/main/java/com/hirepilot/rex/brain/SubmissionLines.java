package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Text.quoted;
import static com.hirepilot.rex.brain.Text.words;

import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The findings about one submission (its state and files) and one job's activity, in lines. */
final class SubmissionLines {

  private SubmissionLines() {}

  static String state(Findings.SubmissionState s) {
    if (!s.found()) {
      return "There is no submission " + s.submissionId() + " in this workspace.";
    }
    StringBuilder out =
        new StringBuilder()
            .append(s.candidateName())
            .append(" for ")
            .append(quoted(s.jobTitle()))
            .append(": ")
            .append(words(s.status()))
            .append(", stage ")
            .append(words(s.stage()));
    if (s.decision() != null) {
      out.append(", client decision ").append(words(s.decision()));
    }
    out.append(", ").append(s.remindersSent()).append(" reminder(s) sent");
    if (s.nextReminderAt() != null) {
      out.append(", next reminder due ").append(s.nextReminderAt());
    }
    out.append('.');
    out.append(
        s.workflowAnswered()
            ? " The running workflow confirms: " + words(s.workflowStatus()) + "."
            : " The workflow is closed or not answering; this is the database's record.");
    List<String> failed = new ArrayList<>();
    for (Findings.Email e : s.emails()) {
      if ("FAILED".equals(e.status())) {
        failed.add(e.kind().toLowerCase(Locale.ROOT) + " to " + e.to());
      }
    }
    if (!failed.isEmpty()) {
      out.append(" Failed emails: ").append(String.join(", ", failed)).append('.');
    }
    return out.toString();
  }

  static List<String> attachments(Findings.SubmissionAttachments files) {
    List<String> lines = new ArrayList<>();
    if (!files.found()) {
      lines.add("There is no submission " + files.submissionId() + " in this workspace.");
      return lines;
    }
    for (Findings.FileInfo f : files.files()) {
      lines.add(
          f.filename()
              + ": "
              + words(f.kind())
              + " version "
              + f.version()
              + (f.latest() ? " (newest)" : " (older version)")
              + ", "
              + (f.isPublic() ? "public" : "private, clients cannot download it")
              + ", "
              + Text.size(f.sizeBytes())
              + ", "
              + (f.shared() ? "shared with the client" : "not shared"));
    }
    if (files.newerResumeNotShared()) {
      lines.add("A newer resume exists that the client has not been sent.");
    }
    return lines;
  }

  static List<String> activity(Findings.JobActivity activity) {
    List<String> lines = new ArrayList<>();
    if (!activity.found()) {
      lines.add("There is no job " + activity.jobId() + " in this workspace.");
      return lines;
    }
    List<Findings.ActivityEntry> entries = activity.entries();
    if (entries.isEmpty()) {
      lines.add("Nothing has happened on " + quoted(activity.jobTitle()) + " yet.");
    }
    for (Findings.ActivityEntry e :
        entries.subList(Math.max(0, entries.size() - 8), entries.size())) {
      lines.add(e.at() + ": " + Text.plain(e.detail()) + (e.clientVisible() ? "" : " (internal)"));
    }
    return lines;
  }
}

package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * Look before answering: every identifier in the issue (an address, a submission, job or candidate
 * ID, a portal address) is read with its tool before REX answers, whatever the intent and whichever
 * message of the conversation named it. A playbook's own reads count; grounding adds the rest.
 */
final class Grounding {

  private Grounding() {}

  private static final String[] SUBMISSION_READS = {
    "submissionState", "submissionAttachments", "automationRuns"
  };
  private static final String[] JOB_READS = {"jobSubmissions", "jobActivity"};
  private static final String[] CANDIDATE_READS = {"candidateSubmissions"};

  /** An ID with no label is tried as each kind of record in turn, until one is found. */
  private enum Kind {
    SUBMISSION("submissionId", "submissionState", SUBMISSION_READS),
    JOB("jobId", "jobSubmissions", JOB_READS),
    CANDIDATE("candidateId", "candidateSubmissions", CANDIDATE_READS);

    final String argument;
    final String tool;
    final String[] reads;

    Kind(String argument, String tool, String[] reads) {
      this.argument = argument;
      this.tool = tool;
      this.reads = reads;
    }
  }

  static void ground(Turn turn, Calls calls) {
    Understanding u = turn.understanding();
    if (turn.client()) {
      // A client's tools read only their own access and jobs: those are what any ID can be.
      if (u.namesARecord() && !calls.plans("myJobs")) {
        calls.read("myJobs", args());
      }
      if (!u.emails().isEmpty() && !calls.plans("myAccess")) {
        calls.read("myAccess", args());
      }
      return;
    }
    for (String email : u.emails().subList(0, Math.min(2, u.emails().size()))) {
      readUnlessKnown(turn, calls, "email", email, "collaboratorAccess", "emailDeliveries");
    }
    ground(turn, calls, Kind.SUBMISSION, u.submissionId());
    ground(turn, calls, Kind.JOB, u.jobId());
    ground(turn, calls, Kind.CANDIDATE, u.candidateId());
    boolean aboutJobs =
        turn.intent() == Intent.NO_CANDIDATES || turn.intent() == Intent.JOB_ACTIVITY;
    List<Kind> order =
        aboutJobs
            ? List.of(Kind.JOB, Kind.SUBMISSION, Kind.CANDIDATE)
            : List.of(Kind.SUBMISSION, Kind.JOB, Kind.CANDIDATE);
    for (String id : u.unlabelledIds().subList(0, Math.min(2, u.unlabelledIds().size()))) {
      for (Kind kind : order) {
        Boolean found = found(turn.evidence(), kind, id);
        if (found == null) {
          if (!calls.plannedAbout(kind.argument, id)) {
            calls.call(kind.tool, args(kind.argument, id));
          }
          break;
        }
        if (found) {
          break;
        }
      }
    }
  }

  private static void ground(Turn turn, Calls calls, Kind kind, String id) {
    if (id != null) {
      readUnlessKnown(turn, calls, kind.argument, id, kind.reads);
    }
  }

  private static void readUnlessKnown(
      Turn turn, Calls calls, String argument, String value, String... tools) {
    if (!turn.evidence().askedAbout(argument, value, tools)
        && !calls.plannedAbout(argument, value)) {
      calls.call(tools[0], args(argument, value));
    }
  }

  /** Whether a read of this kind found the ID: null when none was made (or none can tell). */
  private static Boolean found(Evidence evidence, Kind kind, String id) {
    Boolean found = null;
    for (Evidence.Read read : evidence.reads()) {
      if (!List.of(kind.reads).contains(read.tool()) || !read.about(kind.argument, id)) {
        continue;
      }
      Object f = read.finding();
      boolean here = true;
      if (f instanceof Findings.SubmissionState s) {
        here = s.found();
      } else if (f instanceof Findings.SubmissionAttachments a) {
        here = a.found();
      } else if (f instanceof Findings.JobSubmissions j) {
        here = j.found();
      } else if (f instanceof Findings.JobActivity a) {
        here = a.found();
      } else if (f instanceof Findings.CandidateSubmissions c) {
        here = c.found();
      }
      found = (found != null && found) || here;
    }
    return found;
  }
}

package com.hirepilot.rex.brain;

import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the offline brain's answer: the playbook's opener, what the checks found, what it means,
 * the fix from the cited section, the actions, and what is still needed. The content comes from the
 * {@link Playbook} and the findings; this class only orders and formats it. Plain text; the pages
 * and the API escape it.
 */
final class Composer {

  private final KnowledgeBase knowledge;
  private final Turn turn;
  private final Playbook playbook;

  Composer(KnowledgeBase knowledge, Turn turn, Playbook playbook) {
    this.knowledge = knowledge;
    this.turn = turn;
    this.playbook = playbook;
  }

  String answer() {
    Intent intent = turn.intent();
    Understanding u = turn.understanding();
    if (intent == null && u.emails().isEmpty() && !u.namesARecord() && isSmallTalk()) {
      return Scripts.INTRO
          + " Tell me what is going wrong (a client who cannot sign in, missing candidates,"
          + " an old resume, buttons, downloads or emails) and I will check it.";
    }
    List<String> parts = new ArrayList<>();
    String opener = intent == null ? null : playbook.opener(turn);
    if (opener != null) {
      parts.add(opener);
    }
    List<String> found =
        playbook.listsFindings(turn)
            ? FindingLines.of(turn.evidence(), turn.question())
            : List.of();
    if (!found.isEmpty()) {
      parts.add("What I found:\n" + Text.bullets(found));
    }
    String meaning = intent == null ? null : playbook.diagnosis(turn);
    if (meaning != null) {
      parts.add("What it means: " + meaning);
    }
    Section section = Playbooks.sectionFor(knowledge, turn);
    Section narrower = narrower();
    if (section != null) {
      parts.add(fix(intent, section, narrower));
    }
    List<String> actions = new ArrayList<>(playbook.nextSteps(turn));
    actions.addAll(actions());
    if (!actions.isEmpty()) {
      parts.add(String.join("\n", actions));
    }
    List<String> missing = new ArrayList<>(unknownRecords());
    if (intent != null) {
      missing.addAll(playbook.missing(turn));
    }
    if (!missing.isEmpty()) {
      String lead = intent == null ? "To check this for you, I need " : playbook.missingLead();
      parts.add(lead + Text.joinAnd(missing) + ".");
    }
    if (section != null) {
      parts.add(
          "Source: ["
              + section.ref()
              + "]"
              + (narrower == null ? "" : ", [" + narrower.ref() + "]"));
    }
    return String.join("\n\n", parts).trim();
  }

  /** The fix: support's steps for the agency, the section's steps for clients for a client. */
  private String fix(Intent intent, Section section, Section narrower) {
    boolean howTo = intent == Intent.HOW_TO || intent == Intent.PORTAL_TOUR || intent == null;
    String own = intent == null ? null : playbook.fix(turn, section);
    if (own != null) {
      return own;
    }
    String fix =
        narrower != null
            ? narrower.part("Fix")
            : section.part(turn.client() ? "For the client" : "Fix");
    if (fix == null) {
      fix = howTo ? Text.body(section) : section.lead();
      // A lead that introduces a list is nothing without it.
      if (!howTo && fix != null && fix.strip().endsWith(":")) {
        fix = Text.body(section);
      }
    }
    if (turn.client()) {
      fix = Text.withoutAgencyApi(fix);
    }
    String heading =
        howTo
            ? ""
            : turn.client()
                ? "What you can do:\n"
                : informational(intent) ? "How it works:\n" : "How to fix it:\n";
    return heading + fix;
  }

  /** Questions about where things stand: nothing is broken, so nothing to fix. */
  private static boolean informational(Intent intent) {
    return intent == Intent.SUBMISSION_STATUS || intent == Intent.JOB_ACTIVITY;
  }

  /** The playbook's narrower section, when support reads it and it has a fix. */
  private Section narrower() {
    String ref = turn.client() || turn.intent() == null ? null : playbook.narrowerSection(turn);
    return ref == null ? null : knowledge.find(ref).filter(s -> s.part("Fix") != null).orElse(null);
  }

  /** The proposed actions and escalations of the turn, and why any could not be proposed. */
  private List<String> actions() {
    List<String> lines = new ArrayList<>();
    for (Evidence.Read read : turn.evidence().reads()) {
      if (read.finding() instanceof Findings.Proposal p) {
        if (p.proposed()) {
          lines.add("Proposed action: " + p.summary() + ". Nothing happens until you confirm it.");
        } else if (p.reason() != null) {
          lines.add("I could not propose that: " + p.reason());
        }
      } else if (read.finding() instanceof Findings.Escalation e) {
        if (e.opened()) {
          lines.add(
              "This looks system-wide, so I escalated it at once: ticket "
                  + e.ticketId()
                  + " is open with the support team.");
        } else if (e.reason() != null) {
          lines.add(e.reason());
        }
      }
    }
    return lines;
  }

  /** Each ID the user gave that matches nothing here: REX says so and asks for the right one. */
  private List<String> unknownRecords() {
    List<String> unknown = new ArrayList<>();
    for (Evidence.Read read : turn.evidence().reads()) {
      String id = null;
      if (read.finding() instanceof Findings.SubmissionState s && !s.found()) {
        id = s.submissionId();
      } else if (read.finding() instanceof Findings.SubmissionAttachments a && !a.found()) {
        id = a.submissionId();
      } else if (read.finding() instanceof Findings.JobSubmissions j && !j.found()) {
        id = j.jobId();
      } else if (read.finding() instanceof Findings.JobActivity a && !a.found()) {
        id = a.jobId();
      } else if (read.finding() instanceof Findings.CandidateSubmissions c && !c.found()) {
        id = c.candidateId();
      }
      if (id != null && !id.isBlank() && !matchedElsewhere(id)) {
        String ask = "the right ID: " + id + " matches nothing in this workspace";
        if (!unknown.contains(ask)) {
          unknown.add(ask);
        }
      }
    }
    return unknown;
  }

  /** Whether another read found this ID (an unlabelled ID tried as several kinds of record). */
  private boolean matchedElsewhere(String id) {
    for (Evidence.Read read : turn.evidence().reads()) {
      Object f = read.finding();
      boolean found =
          (f instanceof Findings.SubmissionState s && s.found() && id.equals(s.submissionId()))
              || (f instanceof Findings.JobSubmissions j && j.found() && id.equals(j.jobId()))
              || (f instanceof Findings.CandidateSubmissions c
                  && c.found()
                  && id.equals(c.candidateId()));
      if (found) {
        return true;
      }
    }
    return false;
  }

  private boolean isSmallTalk() {
    String q = turn.question().trim().toLowerCase(Locale.ROOT);
    return q.isEmpty()
        || q.matches("(hi|hello|hey|help|thanks|thank you|good (morning|afternoon))[ !.?rex]*");
  }
}

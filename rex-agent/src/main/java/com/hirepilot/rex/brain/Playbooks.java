package com.hirepilot.rex.brain;

import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;

/** The playbook of each intent: the one place that maps an issue to how it is handled. */
final class Playbooks {

  private Playbooks() {}

  static Playbook of(Intent intent) {
    if (intent == null) {
      return HowTo.INSTANCE;
    }
    return switch (intent) {
      case ACCESS_PROBLEM -> AccessProblem.INSTANCE;
      case RESEND_ACCESS_LINK -> ResendAccessLink.INSTANCE;
      case NO_CANDIDATES -> NoCandidates.INSTANCE;
      case OUTDATED_RESUME -> OutdatedResume.INSTANCE;
      case ATTACHMENT_DOWNLOAD -> AttachmentDownload.INSTANCE;
      case BUTTONS_NOT_WORKING -> ButtonsNotWorking.INSTANCE;
      case EMAIL_NOT_RECEIVED -> EmailNotReceived.INSTANCE;
      case AUTOMATION_NOT_FIRED -> AutomationNotFired.INSTANCE;
      case SUBMISSION_STATUS -> SubmissionStatus.INSTANCE;
      case JOB_ACTIVITY -> JobActivity.INSTANCE;
      case SYSTEM_WIDE_FAILURE -> SystemWideFailure.INSTANCE;
      case ESCALATE -> Escalate.INSTANCE;
      case RESEND_SUBMISSION -> ResendSubmission.INSTANCE;
      case PORTAL_TOUR -> PortalTour.INSTANCE;
      case HOW_TO -> HowTo.INSTANCE;
    };
  }

  /** The section an answer for this turn cites: the intent's own, else the best retrieved. */
  static Section sectionFor(KnowledgeBase knowledge, Turn turn) {
    Intent intent = turn.intent();
    if (intent != null && intent.section() != null) {
      return knowledge.find(intent.section()).orElse(null);
    }
    for (String ref : turn.documentation()) {
      var found = knowledge.find(ref);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }
}

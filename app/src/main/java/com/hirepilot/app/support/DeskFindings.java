package com.hirepilot.app.support;

import com.hirepilot.app.automation.AutomationReport;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.Untrusted;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * How the app's records read as REX's findings: times in one format, and a client's own words
 * marked untrusted wherever they appear. Shared by the desk's reads so that a recruiter's and a
 * client's answers show the same record the same way.
 */
final class DeskFindings {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Client-written timeline entries whose detail is the client's own words. */
  private static final Set<SubmissionEventType> CLIENT_WORDS =
      Set.of(
          SubmissionEventType.COMMENTED,
          SubmissionEventType.APPROVED,
          SubmissionEventType.REJECTED,
          SubmissionEventType.INTERVIEW_REQUESTED);

  private DeskFindings() {}

  static String at(Instant instant) {
    return instant == null ? null : AT.format(instant);
  }

  /** The detail of an entry, marked untrusted when a client wrote it. */
  static String marked(SubmissionEventType type, String detail) {
    return CLIENT_WORDS.contains(type) ? Untrusted.wrap(detail) : detail;
  }

  static Findings.Email email(EmailDelivery e) {
    return new Findings.Email(
        e.recipient(),
        e.kind().name(),
        e.subject(),
        e.status().name(),
        at(e.sentAt() != null ? e.sentAt() : e.createdAt()),
        e.error());
  }

  /** A timeline entry of a submission, the client's words marked. */
  static Findings.Step step(TimelineEntry t) {
    return new Findings.Step(at(t.at()), t.type().name(), t.actor(), marked(t.type(), t.detail()));
  }

  /** An entry of a job's activity log, the client's words marked. */
  static Findings.ActivityEntry activityEntry(JobActivity e) {
    return new Findings.ActivityEntry(
        at(e.at()), e.type().name(), e.actor(), e.clientVisible(), marked(e.type(), e.detail()));
  }

  static Findings.Delivery delivery(EmailDelivery d) {
    Instant when =
        d.statusAt() != null ? d.statusAt() : d.sentAt() != null ? d.sentAt() : d.createdAt();
    return new Findings.Delivery(
        d.kind().name(),
        d.subject(),
        d.status().name(),
        at(when),
        d.error(),
        d.submissionId(),
        d.attempts(),
        d.status() == EmailDelivery.Status.RETRYING ? at(d.nextAttemptAt()) : null,
        d.providerReason(),
        d.history().stream()
            .map(h -> new Findings.DeliveryStep(h.status().name(), at(h.at()), h.detail()))
            .toList());
  }

  static Findings.AutomationRun automationRun(AutomationReport.RunOutcome run) {
    return new Findings.AutomationRun(
        run.runId(),
        at(run.at()),
        run.event(),
        run.jobId(),
        run.submissionId(),
        run.outcome(),
        run.attempts(),
        run.error(),
        run.actions().stream()
            .map(
                a ->
                    new Findings.AutomationActionRun(
                        a.index(),
                        a.type(),
                        a.outcome(),
                        a.attempts(),
                        a.error(),
                        at(a.lastAttemptAt())))
            .toList());
  }
}

package com.hirepilot.app.submission;

import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: submit a candidate and follow the submission's workflow. */
@RestController
class SubmissionController {

  private final SubmissionService submissions;
  private final EmailDeliveries deliveries;

  SubmissionController(SubmissionService submissions, EmailDeliveries deliveries) {
    this.submissions = submissions;
    this.deliveries = deliveries;
  }

  record NewSubmission(
      @NotBlank @Size(max = 40) String candidateId,
      @Size(max = 20_000) String message,
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> attachmentIds) {}

  record Created(String id, String workflowId, SubmissionStatus status) {}

  record TimelineLine(Instant at, String type, String actor, String detail) {}

  record EmailLine(String to, String kind, String status, Instant at, String subject) {}

  record SubmissionDetails(
      String id,
      String jobId,
      String candidateId,
      SubmissionStatus status,
      String stage,
      Decision decision,
      int remindersSent,
      Instant nextReminderAt,
      String message,
      Instant submittedAt,
      List<TimelineLine> timeline,
      List<EmailLine> emails) {}

  @PostMapping("/api/jobs/{jobId}/submissions")
  ResponseEntity<Created> submit(
      @PathVariable String jobId, @Valid @RequestBody NewSubmission body) {
    Submission submission =
        submissions.submit(
            CurrentRecruiter.get(),
            jobId,
            body.candidateId(),
            body.message(),
            body.attachmentIds() == null ? List.of() : body.attachmentIds());
    return ResponseEntity.created(URI.create("/api/submissions/" + submission.id()))
        .body(new Created(submission.id(), submission.workflowId(), submission.status()));
  }

  @GetMapping("/api/submissions/{submissionId}")
  SubmissionDetails get(@PathVariable String submissionId) {
    Submission submission = submissions.get(CurrentRecruiter.get().workspaceId(), submissionId);
    Optional<SubmissionSnapshot> live = submissions.liveState(submission);
    // The workflow knows the stage only once it has moved it; before that the database does.
    String stage =
        live.map(SubmissionSnapshot::stage).orElseGet(() -> submissions.stageOf(submission));
    return new SubmissionDetails(
        submission.id(),
        submission.jobId(),
        submission.candidateId(),
        live.map(SubmissionSnapshot::status).orElse(submission.status()),
        stage,
        live.map(SubmissionSnapshot::decision).orElse(submission.decision()),
        live.map(SubmissionSnapshot::remindersSent).orElse(0),
        live.map(SubmissionSnapshot::nextReminderAt).orElse(null),
        submission.message(),
        submission.createdAt(),
        submissions.timelineOf(submission.id()).stream()
            .map(t -> new TimelineLine(t.at(), t.type(), t.actor(), t.detail()))
            .toList(),
        deliveries.forSubmission(submission.id()).stream()
            .map(
                d ->
                    new EmailLine(
                        d.recipient(),
                        d.kind().name(),
                        d.status().name(),
                        d.sentAt() != null ? d.sentAt() : d.createdAt(),
                        d.subject()))
            .toList());
  }
}

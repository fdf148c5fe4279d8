package com.hirepilot.app.submission;

import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: submit a candidate and follow the submission's workflow. */
@RestController
class SubmissionController {

  private final SubmissionService submissions;
  private final EmailDeliveries deliveries;
  private final SubmissionComments comments;

  SubmissionController(
      SubmissionService submissions, EmailDeliveries deliveries, SubmissionComments comments) {
    this.submissions = submissions;
    this.deliveries = deliveries;
    this.comments = comments;
  }

  record NewSubmission(
      @NotBlank @Size(max = 40) String candidateId,
      @Size(max = 20_000) String message,
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> attachmentIds) {}

  record Created(String id, String workflowId, SubmissionStatus status) {}

  record TimelineLine(Instant at, String type, String actor, String detail) {}

  record EmailLine(String to, String kind, String status, Instant at, String subject) {}

  record CommentLine(Instant at, String author, String body, boolean passedOn) {}

  /**
   * @param live whether status, stage and reminders come from the running workflow's query (false:
   *     from the database, once the workflow has finished or cannot be asked)
   */
  record SubmissionDetails(
      String id,
      String jobId,
      String candidateId,
      SubmissionStatus status,
      String stage,
      Decision decision,
      int remindersSent,
      Instant nextReminderAt,
      int round,
      boolean recruiterAlerted,
      String reminderSchedule,
      boolean live,
      String message,
      List<String> attachmentIds,
      Instant submittedAt,
      List<TimelineLine> timeline,
      List<CommentLine> comments,
      List<EmailLine> emails) {}

  /** One line of the monitoring list. */
  record SubmissionSummary(
      String id,
      String workflowId,
      String jobId,
      String candidateId,
      SubmissionStatus status,
      String stage,
      int remindersSent,
      Instant nextReminderAt,
      int round,
      boolean recruiterAlerted,
      boolean live,
      Instant submittedAt) {}

  record ResendRequest(
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> attachmentIds,
      @Size(max = 20_000) String message) {}

  record Accepted(String id, SubmissionStatus status, Integer round) {}

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

  @GetMapping("/api/submissions")
  List<SubmissionSummary> list(
      @RequestParam(required = false) SubmissionStatus status,
      @RequestParam(required = false) @Size(max = 40) String jobId) {
    return submissions.list(CurrentRecruiter.get().workspaceId(), status, jobId).stream()
        .map(
            submission -> {
              State state = stateOf(submission);
              return new SubmissionSummary(
                  submission.id(),
                  submission.workflowId(),
                  submission.jobId(),
                  submission.candidateId(),
                  state.status(),
                  state.stage(),
                  state.remindersSent(),
                  state.nextReminderAt(),
                  state.round(),
                  state.recruiterAlerted(),
                  state.live(),
                  submission.createdAt());
            })
        .toList();
  }

  @GetMapping("/api/submissions/{submissionId}")
  SubmissionDetails get(@PathVariable String submissionId) {
    Submission submission = submissions.get(CurrentRecruiter.get().workspaceId(), submissionId);
    State state = stateOf(submission);
    return new SubmissionDetails(
        submission.id(),
        submission.jobId(),
        submission.candidateId(),
        state.status(),
        state.stage(),
        state.decision(),
        state.remindersSent(),
        state.nextReminderAt(),
        state.round(),
        state.recruiterAlerted(),
        submission.reminderSchedule(),
        state.live(),
        submission.message(),
        submission.attachments().stream()
            .map(Submission.SubmittedAttachment::attachmentId)
            .toList(),
        submission.createdAt(),
        submissions.timelineOf(submission.id()).stream()
            .map(t -> new TimelineLine(t.at(), t.type(), t.actor(), t.detail()))
            .toList(),
        comments.of(submission.id()).stream()
            .map(c -> new CommentLine(c.at(), c.author(), c.body(), c.notifiedAt() != null))
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

  @PostMapping("/api/submissions/{submissionId}/withdraw")
  ResponseEntity<Accepted> withdraw(@PathVariable String submissionId) {
    SubmissionStatus status = submissions.withdraw(CurrentRecruiter.get(), submissionId);
    return ResponseEntity.accepted().body(new Accepted(submissionId, status, null));
  }

  @PostMapping("/api/submissions/{submissionId}/resend")
  ResponseEntity<Accepted> resend(
      @PathVariable String submissionId, @Valid @RequestBody(required = false) ResendRequest body) {
    ResendRequest request = body == null ? new ResendRequest(null, null) : body;
    int round =
        submissions.resend(
            CurrentRecruiter.get(), submissionId, request.attachmentIds(), request.message());
    return ResponseEntity.accepted()
        .body(
            new Accepted(
                submissionId,
                submissions.get(CurrentRecruiter.get().workspaceId(), submissionId).status(),
                round));
  }

  /** Where a submission stands: the workflow's answer while it runs, else the database's. */
  private record State(
      SubmissionStatus status,
      String stage,
      Decision decision,
      int remindersSent,
      Instant nextReminderAt,
      int round,
      boolean recruiterAlerted,
      boolean live) {}

  private State stateOf(Submission submission) {
    Optional<SubmissionSnapshot> live = submissions.liveState(submission);
    if (live.isPresent()) {
      SubmissionSnapshot snapshot = live.get();
      // The workflow knows the stage only once it has moved it; before that the database does.
      String stage = snapshot.stage() != null ? snapshot.stage() : submissions.stageOf(submission);
      return new State(
          snapshot.status(),
          stage,
          snapshot.decision(),
          snapshot.remindersSent(),
          snapshot.nextReminderAt(),
          snapshot.round(),
          snapshot.recruiterAlerted(),
          true);
    }
    return new State(
        submission.status(),
        submissions.stageOf(submission),
        submission.decision(),
        submission.remindersSent(),
        nextReminderFromRecord(submission),
        submission.emailRound(),
        submission.recruiterAlerted(),
        false);
  }

  /** The next deadline as the database has it, for when the workflow cannot be asked. */
  private static Instant nextReminderFromRecord(Submission submission) {
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK
        || submission.roundSentAt() == null
        || submission.settledAt() != null) {
      return null;
    }
    List<Duration> delays = ReminderSchedule.parse(submission.reminderSchedule()).delays();
    return submission.reminderStep() < delays.size()
        ? submission.roundSentAt().plus(delays.get(submission.reminderStep()))
        : null;
  }
}

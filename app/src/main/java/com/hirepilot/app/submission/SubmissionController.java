package com.hirepilot.app.submission;

import com.hirepilot.app.system.MayConflict;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

  private final SubmittingCandidates submitting;
  private final RecruiterActions actions;
  private final SubmissionOverview overview;
  private final LiveSubmissionState liveState;

  SubmissionController(
      SubmittingCandidates submitting,
      RecruiterActions actions,
      SubmissionOverview overview,
      LiveSubmissionState liveState) {
    this.submitting = submitting;
    this.actions = actions;
    this.overview = overview;
    this.liveState = liveState;
  }

  record NewSubmission(
      @NotBlank @Size(max = 40) String candidateId,
      @Size(max = 20_000) String message,
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> attachmentIds) {}

  record Created(String id, String workflowId, SubmissionStatus status) {}

  record BulkSubmission(
      @NotEmpty @Size(max = 50) List<@NotBlank @ResourceId String> candidateIds,
      @Size(max = 20_000) String message) {}

  record BulkCreated(String candidateId, String id, String workflowId, SubmissionStatus status) {}

  record TimelineLine(Instant at, SubmissionEventType type, String actor, String detail) {}

  /**
   * One email to one recipient and what became of it.
   *
   * @param at when it was handed to the relay, or when it was queued if it has not been yet (as
   *     before delivery statuses existed)
   * @param statusAt when the current status was reached
   * @param attempts how many times it was handed to the SMTP relay so far
   * @param error the last attempt's error while {@code RETRYING}, or why it {@code FAILED}
   * @param nextAttemptAt when the next attempt is due, while {@code RETRYING}
   * @param providerReason the provider's reason for a bounce, drop or deferral
   * @param history every status change, oldest first
   */
  record EmailLine(
      String to,
      String kind,
      String status,
      Instant at,
      String subject,
      Instant statusAt,
      int attempts,
      String error,
      Instant nextAttemptAt,
      String providerReason,
      List<EmailStatusLine> history) {

    static EmailLine of(com.hirepilot.app.notification.EmailDelivery d) {
      return new EmailLine(
          d.recipient(),
          d.kind().name(),
          d.status().name(),
          d.sentAt() != null ? d.sentAt() : d.createdAt(),
          d.subject(),
          d.statusAt(),
          d.attempts(),
          d.error(),
          d.nextAttemptAt(),
          d.providerReason(),
          d.history().stream()
              .map(h -> new EmailStatusLine(h.status().name(), h.at(), h.detail()))
              .toList());
    }
  }

  /** One step of an email's history: an attempt's error or the provider's reason as detail. */
  record EmailStatusLine(String status, Instant at, String detail) {}

  record CommentLine(Instant at, String author, String body, boolean passedOn) {}

  /**
   * @param live whether status, stage and reminders come from the running workflow's query (false:
   *     from the database, once the workflow has finished or cannot be asked)
   */
  record Details(
      String id,
      String jobId,
      String candidateId,
      SubmissionStatus status,
      PipelineStage stage,
      Decision decision,
      int remindersSent,
      Instant nextReminderAt,
      int round,
      boolean recruiterAlerted,
      boolean needsAttention,
      String reminderSchedule,
      boolean live,
      String message,
      List<String> attachmentIds,
      Instant submittedAt,
      List<TimelineLine> timeline,
      List<CommentLine> comments,
      List<EmailLine> emails) {}

  record ResendRequest(
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> attachmentIds,
      @Size(max = 20_000) String message) {}

  record Accepted(String id, SubmissionStatus status, Integer round) {}

  record CommentRequest(@NotBlank @Size(max = 5_000) String body) {}

  record CommentAnswer(String id, java.time.Instant at, String author, String body) {}

  @PostMapping("/api/jobs/{jobId}/submissions/bulk")
  @Operation(
      summary = "Submit several candidates to the job, each with their newest public resume",
      description =
          "All or nothing: an unknown or repeated candidate, one with an open submission for the"
              + " job, or a job without collaborators answers 422 with an error per candidate"
              + " (field candidateIds[i]), and nothing is started.")
  ResponseEntity<List<BulkCreated>> submitAll(
      @PathVariable @ResourceId String jobId, @Valid @RequestBody BulkSubmission body) {
    List<Submission> submitted =
        submitting.submitAll(CurrentRecruiter.get(), jobId, body.candidateIds(), body.message());
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
        .body(
            submitted.stream()
                .map(s -> new BulkCreated(s.candidateId(), s.id(), s.workflowId(), s.status()))
                .toList());
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(SubmittingCandidates.BulkRefused.class)
  ResponseEntity<org.springframework.http.ProblemDetail> bulkRefused(
      SubmittingCandidates.BulkRefused e) {
    var problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("about:blank"));
    problem.setProperty(
        "errors",
        e.refusals().stream()
            .map(r -> java.util.Map.of("field", r.field(), "message", r.message()))
            .toList());
    return ResponseEntity.unprocessableEntity()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @PostMapping("/api/jobs/{jobId}/submissions")
  @Operation(summary = "Submit a candidate to the job: the workflow starts and clients are emailed")
  @MayConflict(
      "The candidate already has an open submission for this job, or a collaborator's address"
          + " bounced, was dropped or reported our mail as spam (flaggedAddresses lists them:"
          + " confirm or correct each first)")
  ResponseEntity<Created> submit(
      @PathVariable @ResourceId String jobId, @Valid @RequestBody NewSubmission body) {
    Submission submission =
        submitting.submit(
            CurrentRecruiter.get(),
            jobId,
            body.candidateId(),
            body.message(),
            body.attachmentIds() == null ? List.of() : body.attachmentIds());
    return ResponseEntity.created(URI.create("/api/submissions/" + submission.id()))
        .body(new Created(submission.id(), submission.workflowId(), submission.status()));
  }

  /** The workspace's submissions for monitoring, from the database: no workflow is asked. */
  @GetMapping("/api/submissions")
  @Operation(summary = "The workspace's submissions with their recorded workflow state")
  List<SubmissionSummary> list(
      @RequestParam(required = false) SubmissionStatus status,
      @RequestParam(required = false) @ResourceId String jobId,
      @RequestParam(defaultValue = "false") boolean needsAttention) {
    return overview.list(
        CurrentRecruiter.get().workspaceId(),
        new SubmissionOverview.Filter(status, jobId, needsAttention));
  }

  /**
   * One submission: the record from the database, with status, stage and reminders from its
   * workflow while it runs. The workflow is asked after the database's transaction has ended, so a
   * slow query never holds a pooled connection.
   */
  @GetMapping("/api/submissions/{submissionId}")
  @Operation(summary = "One submission, with its timeline and emails; live state while it runs")
  Details get(@PathVariable @ResourceId String submissionId) {
    SubmissionDetails record = overview.of(CurrentRecruiter.get().workspaceId(), submissionId);
    SubmissionSummary summary = record.summary();
    SubmissionState state = SubmissionState.of(summary, liveState.of(summary));
    return new Details(
        summary.id(),
        summary.jobId(),
        summary.candidateId(),
        state.status(),
        state.stage(),
        state.decision(),
        state.remindersSent(),
        state.nextReminderAt(),
        state.round(),
        state.recruiterAlerted(),
        summary.needsAttention(),
        summary.reminderSchedule(),
        state.live(),
        record.message(),
        record.attachmentIds(),
        summary.submittedAt(),
        record.timeline().stream()
            .map(t -> new TimelineLine(t.at(), t.type(), t.actor(), t.detail()))
            .toList(),
        record.comments().stream()
            .map(c -> new CommentLine(c.at(), c.author(), c.body(), c.notifiedAt() != null))
            .toList(),
        record.emails().stream().map(EmailLine::of).toList());
  }

  /** The recruiter's reply to the client, shown in the portal's thread and its live feed. */
  @PostMapping("/api/submissions/{submissionId}/comments")
  @Operation(summary = "Reply to the client in the submission's thread")
  ResponseEntity<CommentAnswer> comment(
      @PathVariable @ResourceId String submissionId, @Valid @RequestBody CommentRequest body) {
    SubmissionComment comment =
        actions.comment(CurrentRecruiter.get(), submissionId, body.body().strip());
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
        .body(new CommentAnswer(comment.id(), comment.at(), comment.author(), comment.body()));
  }

  @PostMapping("/api/submissions/{submissionId}/withdraw")
  @Operation(summary = "Withdraw the candidate")
  @MayConflict("The submission is already final")
  ResponseEntity<Accepted> withdraw(@PathVariable @ResourceId String submissionId) {
    SubmissionStatus status = actions.withdraw(CurrentRecruiter.get(), submissionId);
    return ResponseEntity.accepted().body(new Accepted(submissionId, status, null));
  }

  @PostMapping("/api/submissions/{submissionId}/resend")
  @Operation(summary = "Send the submission email again, with updated files or message if given")
  @MayConflict(
      "The submission has nothing to resend, or a collaborator's address is flagged"
          + " (flaggedAddresses lists them)")
  ResponseEntity<Accepted> resend(
      @PathVariable @ResourceId String submissionId,
      @Valid @RequestBody(required = false) ResendRequest body) {
    ResendRequest request = body == null ? new ResendRequest(null, null) : body;
    RecruiterActions.Resent resent =
        actions.resend(
            CurrentRecruiter.get(), submissionId, request.attachmentIds(), request.message());
    return ResponseEntity.accepted()
        .body(new Accepted(submissionId, resent.status(), resent.round()));
  }
}

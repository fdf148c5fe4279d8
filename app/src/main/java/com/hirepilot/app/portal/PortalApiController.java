package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.auth.PortalSignIn;
import com.hirepilot.app.automation.SubmissionViews;
import com.hirepilot.app.candidate.AttachmentDownloads;
import com.hirepilot.workflows.submission.Decision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The portal's JSON API: the same session and the same authorization as the pages. */
@RestController
@RequestMapping("/api/portal")
class PortalApiController {

  private final ClientAccess access;
  private final ClientJobs jobs;
  private final ClientCandidates candidates;
  private final ClientActivity activity;
  private final ClientDownloads files;
  private final ClientReview review;
  private final PortalSignIn signIn;
  private final PortalEventStreams streams;
  private final AttachmentDownloads downloads;
  private final SubmissionViews views;

  PortalApiController(
      ClientAccess access,
      ClientJobs jobs,
      ClientCandidates candidates,
      ClientActivity activity,
      ClientDownloads files,
      ClientReview review,
      PortalSignIn signIn,
      PortalEventStreams streams,
      AttachmentDownloads downloads,
      SubmissionViews views) {
    this.views = views;
    this.access = access;
    this.jobs = jobs;
    this.candidates = candidates;
    this.activity = activity;
    this.files = files;
    this.review = review;
    this.signIn = signIn;
    this.streams = streams;
    this.downloads = downloads;
  }

  record SignIn(@NotBlank @Size(max = 200) String token) {}

  record DecisionRequest(
      @NotNull Decision decision,
      @Size(max = 5_000) String reason,
      @Size(max = 5_000) String availability) {}

  record CommentRequest(@NotBlank @Size(max = 5_000) String body) {}

  @PostMapping("/session")
  ResponseEntity<?> signIn(
      @Valid @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
    if (!signIn.signIn(body.token(), request, response)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED,
              "This sign-in link is invalid, already used or expired. Request a new one.");
      problem.setTitle("Unauthorized");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
    return ResponseEntity.ok(access.session());
  }

  @GetMapping("/session")
  PortalViews.Session session() {
    return access.session();
  }

  @DeleteMapping("/session")
  ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/jobs")
  List<PortalViews.JobSummary> jobs() {
    return jobs.jobs();
  }

  @GetMapping("/jobs/{jobId}")
  PortalViews.JobView job(@PathVariable String jobId) {
    return jobs.job(jobId);
  }

  @GetMapping("/jobs/{jobId}/submissions")
  List<PortalViews.SubmissionView> submissions(@PathVariable String jobId) {
    return candidates.submissionsOf(jobId);
  }

  @GetMapping("/jobs/{jobId}/activity")
  List<PortalViews.ActivityView> activity(@PathVariable String jobId) {
    return activity.activity(jobId);
  }

  /**
   * The job's client-visible activity as server-sent events, live. A reconnect's {@code
   * Last-Event-ID}, or {@code after} from the page, names the last line the page has.
   */
  @GetMapping("/jobs/{jobId}/events")
  SseEmitter events(
      @PathVariable String jobId,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(required = false) @Size(max = 40) String after) {
    return streams.open(jobId, lastEventId != null ? lastEventId : after);
  }

  /**
   * A public file of a candidate the client can see, as a download. The name is sanitised, the type
   * is the one detected from the bytes at upload, and nothing in the file can run on this origin.
   */
  @GetMapping("/attachments/{attachmentId}")
  ResponseEntity<Resource> attachment(@PathVariable String attachmentId) {
    // Checked in one read-only transaction; the bytes are fetched after it, from the store.
    PortalViews.FileToSend file = files.file(attachmentId);
    return downloads.send(file.filename(), file.contentType(), file.storageName());
  }

  @GetMapping("/submissions/{submissionId}")
  PortalViews.SubmissionDetail submission(@PathVariable String submissionId) {
    PortalViews.SubmissionDetail detail = candidates.submission(submissionId);
    PortalClient.collaboratorId().ifPresent(me -> views.viewed(detail.id(), me));
    return detail;
  }

  @PostMapping("/submissions/{submissionId}/decision")
  PortalViews.DecisionResult decide(
      @PathVariable String submissionId, @Valid @RequestBody DecisionRequest body) {
    return review.decide(submissionId, body.decision(), body.reason(), body.availability());
  }

  @PostMapping("/submissions/{submissionId}/comments")
  ResponseEntity<PortalViews.CommentView> comment(
      @PathVariable String submissionId, @Valid @RequestBody CommentRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(review.comment(submissionId, body.body().strip()));
  }

  @ExceptionHandler(PortalSessionEnded.class)
  ResponseEntity<ProblemDetail> sessionEnded(
      PortalSessionEnded e, HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    problem.setTitle("Unauthorized");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
  }
}

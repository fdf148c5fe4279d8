package com.hirepilot.app.job;

import com.hirepilot.app.job.CollaboratorViews.CollaboratorView;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.SubmissionEventType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API for Job REQs and their activity; collaborators have JobCollaboratorController. */
@RestController
@RequestMapping("/api/jobs")
class JobController {

  private final JobService jobs;
  private final JobActivityLog activityLog;
  private final CollaboratorViews views;

  JobController(JobService jobs, JobActivityLog activityLog, CollaboratorViews views) {
    this.jobs = jobs;
    this.activityLog = activityLog;
    this.views = views;
  }

  record NewJob(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 20_000) String description,
      @Size(max = 20_000) String requirements,
      @Size(max = 200) String location,
      @Size(max = 200) String clientCompany,
      Boolean showDescriptionToClients) {}

  record JobDetails(
      String id,
      String title,
      String description,
      String requirements,
      String location,
      String clientCompany,
      boolean showDescriptionToClients,
      Instant createdAt,
      List<CollaboratorView> collaborators) {}

  /** A partial edit: fields left out (or null) stay as they are. */
  record JobPatch(
      @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String title,
      @Size(max = 20_000) String description,
      @Size(max = 20_000) String requirements,
      @Size(max = 200) String location,
      @Size(max = 200) String clientCompany,
      Boolean showDescriptionToClients) {}

  record JobListItem(
      String id,
      String title,
      String location,
      String clientCompany,
      boolean showDescriptionToClients,
      Instant createdAt,
      int submissionCount,
      Map<String, Integer> submissionCounts) {}

  record ActivityLine(
      Instant at,
      SubmissionEventType type,
      String actor,
      boolean clientVisible,
      String detail,
      String submissionId) {}

  @GetMapping
  @Operation(summary = "The workspace's jobs, newest first, with submission counts per status")
  List<JobListItem> list() {
    return jobs.list(CurrentRecruiter.get().workspaceId()).stream()
        .map(
            j ->
                new JobListItem(
                    j.id(),
                    j.title(),
                    j.location(),
                    j.clientCompany(),
                    j.showDescriptionToClients(),
                    j.createdAt(),
                    j.submissionCounts().values().stream().mapToInt(Integer::intValue).sum(),
                    j.submissionCounts()))
        .toList();
  }

  @PostMapping
  @Operation(summary = "Create a job")
  ResponseEntity<JobDetails> create(@Valid @RequestBody NewJob body) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    Job job =
        jobs.create(
            recruiter,
            body.title(),
            body.description(),
            body.requirements(),
            body.location(),
            body.clientCompany(),
            Boolean.TRUE.equals(body.showDescriptionToClients()));
    return ResponseEntity.created(URI.create("/api/jobs/" + job.id())).body(details(job));
  }

  @GetMapping("/{jobId}")
  @Transactional(readOnly = true)
  @Operation(summary = "The job, with its collaborators")
  JobDetails get(@PathVariable @ResourceId String jobId) {
    return details(jobs.get(CurrentRecruiter.get().workspaceId(), jobId));
  }

  @PatchMapping("/{jobId}")
  @Operation(summary = "Change some of a job's fields")
  JobDetails update(@PathVariable @ResourceId String jobId, @Valid @RequestBody JobPatch body) {
    Job job =
        jobs.update(
            CurrentRecruiter.get().workspaceId(),
            jobId,
            new JobService.JobEdit(
                body.title(),
                body.description(),
                body.requirements(),
                body.location(),
                body.clientCompany(),
                body.showDescriptionToClients()));
    return details(job);
  }

  @GetMapping("/{jobId}/activity")
  @Transactional(readOnly = true)
  @Operation(summary = "The job's activity, newest last")
  List<ActivityLine> activity(@PathVariable @ResourceId String jobId) {
    Job job = jobs.get(CurrentRecruiter.get().workspaceId(), jobId);
    return activityLog.forJob(job.id()).stream()
        .map(
            a ->
                new ActivityLine(
                    a.at(), a.type(), a.actor(), a.clientVisible(), a.detail(), a.submissionId()))
        .toList();
  }

  private JobDetails details(Job job) {
    return new JobDetails(
        job.id(),
        job.title(),
        job.description(),
        job.requirements(),
        job.location(),
        job.clientCompany(),
        job.showDescriptionToClients(),
        job.createdAt(),
        views.ofJob(job));
  }
}

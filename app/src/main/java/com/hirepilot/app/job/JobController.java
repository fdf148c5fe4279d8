package com.hirepilot.app.job;

import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.SubmissionEventType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API for Job REQs, their collaborators and their activity. */
@RestController
@RequestMapping("/api/jobs")
class JobController {

  private final JobService jobs;
  private final JobActivityLog activityLog;

  JobController(JobService jobs, JobActivityLog activityLog) {
    this.jobs = jobs;
    this.activityLog = activityLog;
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
      List<CollaboratorDetails> collaborators) {}

  record NewCollaborator(
      @NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String name) {}

  record CollaboratorDetails(String id, String email, String name, String status) {

    static CollaboratorDetails of(Collaborator c) {
      return new CollaboratorDetails(c.id(), c.email(), c.name(), c.status().name());
    }
  }

  record ActivityLine(
      Instant at,
      SubmissionEventType type,
      String actor,
      boolean clientVisible,
      String detail,
      String submissionId) {}

  @PostMapping
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
  JobDetails get(@PathVariable String jobId) {
    return details(jobs.get(CurrentRecruiter.get().workspaceId(), jobId));
  }

  @PostMapping("/{jobId}/collaborators")
  ResponseEntity<CollaboratorDetails> addCollaborator(
      @PathVariable String jobId, @Valid @RequestBody NewCollaborator body) {
    Collaborator collaborator =
        jobs.addCollaborator(
            CurrentRecruiter.get().workspaceId(), jobId, body.email(), body.name());
    return ResponseEntity.created(
            URI.create("/api/jobs/" + jobId + "/collaborators/" + collaborator.id()))
        .body(CollaboratorDetails.of(collaborator));
  }

  @DeleteMapping("/{jobId}/collaborators/{collaboratorId}")
  ResponseEntity<Void> removeCollaborator(
      @PathVariable String jobId, @PathVariable String collaboratorId) {
    jobs.removeCollaborator(CurrentRecruiter.get().workspaceId(), jobId, collaboratorId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{jobId}/activity")
  @Transactional(readOnly = true)
  List<ActivityLine> activity(@PathVariable String jobId) {
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
        jobs.collaboratorsOf(job.id()).stream().map(CollaboratorDetails::of).toList());
  }
}

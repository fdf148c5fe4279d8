package com.hirepilot.app.job;

import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.system.MayConflict;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.SubmissionEventType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
  private final AddressFlags flags;

  JobController(JobService jobs, JobActivityLog activityLog, AddressFlags flags) {
    this.jobs = jobs;
    this.activityLog = activityLog;
    this.flags = flags;
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

  record CollaboratorPatch(
      @Email @Size(max = 320) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String email,
      @Size(max = 200) String name) {}

  /**
   * A collaborator as the recruiter sees them: who, whether they still have access, and how their
   * sign-in links stand (never the links themselves).
   *
   * @param addressFlag why new mail to the address waits for the recruiter (it bounced, was dropped
   *     or reported our mail as spam), or null
   */
  record CollaboratorView(
      String id,
      String email,
      String name,
      String status,
      Instant invitedAt,
      Instant lastLinkSentAt,
      Instant lastSeenAt,
      String linkStatus,
      AddressFlagView addressFlag) {}

  /**
   * @param status {@code BOUNCED}, {@code DROPPED} or {@code SPAM_REPORT}
   * @param reason the provider's words, such as "550 5.1.1 mailbox does not exist"
   */
  record AddressFlagView(String status, String reason, String description, Instant flaggedAt) {

    static AddressFlagView of(AddressFlags.Flag flag) {
      return flag == null
          ? null
          : new AddressFlagView(
              flag.status().name(), flag.reason(), flag.describe(), flag.flaggedAt());
    }
  }

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

  @GetMapping("/{jobId}/collaborators")
  @Transactional(readOnly = true)
  @Operation(summary = "The job's collaborators, with how their sign-in links stand")
  List<CollaboratorView> collaborators(@PathVariable @ResourceId String jobId) {
    return collaboratorViews(jobs.get(CurrentRecruiter.get().workspaceId(), jobId));
  }

  @PatchMapping("/{jobId}/collaborators/{collaboratorId}")
  @Transactional
  @Operation(
      summary = "Rename a collaborator or change their email",
      description =
          "A new email ends the collaborator's links and sessions: the old record is removed and"
              + " the answer is the record for the new address, with its own ID.")
  @MayConflict("The new address is already an active collaborator on the job")
  CollaboratorView updateCollaborator(
      @PathVariable @ResourceId String jobId,
      @PathVariable @ResourceId String collaboratorId,
      @Valid @RequestBody CollaboratorPatch body) {
    Collaborator updated =
        jobs.updateCollaborator(
            CurrentRecruiter.get().workspaceId(),
            jobId,
            collaboratorId,
            body.name(),
            body.email(),
            CurrentRecruiter.get().name());
    return views(CurrentRecruiter.get().workspaceId(), jobs.standings(List.of(updated))).get(0);
  }

  @PostMapping("/{jobId}/collaborators/{collaboratorId}/address-confirmation")
  @Transactional
  @Operation(
      summary = "Confirm a collaborator's address after a bounce, drop or spam report",
      description =
          "The recruiter vouches that the address is right: its flag is cleared, so submissions,"
              + " resends and access links may go to it again, and the job's activity records who"
              + " confirmed it. An address that is not flagged stays as it is. To correct the"
              + " address instead, change the collaborator's email (PATCH).")
  ResponseEntity<Void> confirmAddress(
      @PathVariable @ResourceId String jobId, @PathVariable @ResourceId String collaboratorId) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    jobs.confirmCollaboratorAddress(
        recruiter.workspaceId(), jobId, collaboratorId, recruiter.name());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{jobId}/collaborators")
  @Operation(summary = "Invite a client person to review the job's submissions")
  @MayConflict("The address is already a collaborator")
  ResponseEntity<CollaboratorDetails> addCollaborator(
      @PathVariable @ResourceId String jobId, @Valid @RequestBody NewCollaborator body) {
    Collaborator collaborator =
        jobs.addCollaborator(
            CurrentRecruiter.get().workspaceId(), jobId, body.email(), body.name());
    return ResponseEntity.created(
            URI.create("/api/jobs/" + jobId + "/collaborators/" + collaborator.id()))
        .body(CollaboratorDetails.of(collaborator));
  }

  @DeleteMapping("/{jobId}/collaborators/{collaboratorId}")
  @Operation(summary = "Remove a collaborator: their links and sessions stop working at once")
  ResponseEntity<Void> removeCollaborator(
      @PathVariable @ResourceId String jobId, @PathVariable @ResourceId String collaboratorId) {
    jobs.removeCollaborator(CurrentRecruiter.get().workspaceId(), jobId, collaboratorId);
    return ResponseEntity.noContent().build();
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
        collaboratorViews(job));
  }

  /**
   * The job's collaborators, their links and their address flags: three statements whatever their
   * number.
   */
  private List<CollaboratorView> collaboratorViews(Job job) {
    return views(job.workspaceId(), jobs.standingsOf(job.id()));
  }

  private List<CollaboratorView> views(String workspaceId, List<CollaboratorStanding> standings) {
    Map<String, AddressFlags.Flag> flagged =
        flags.among(workspaceId, standings.stream().map(CollaboratorStanding::email).toList());
    return standings.stream()
        .map(
            c ->
                new CollaboratorView(
                    c.id(),
                    c.email(),
                    c.name(),
                    c.status().name(),
                    c.invitedAt(),
                    c.lastLinkSentAt(),
                    c.lastSeenAt(),
                    c.linkStatus(),
                    AddressFlagView.of(flagged.get(c.email()))))
        .toList();
  }
}

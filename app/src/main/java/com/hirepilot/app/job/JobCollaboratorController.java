package com.hirepilot.app.job;

import com.hirepilot.app.job.CollaboratorViews.CollaboratorView;
import com.hirepilot.app.system.MayConflict;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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

/** Recruiter API for who on the client's side may review a job. */
@RestController
@RequestMapping("/api/jobs/{jobId}/collaborators")
class JobCollaboratorController {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CollaboratorViews views;

  JobCollaboratorController(
      JobService jobs, JobCollaborators collaborators, CollaboratorViews views) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.views = views;
  }

  record CollaboratorPatch(
      @Email @Size(max = 320) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String email,
      @Size(max = 200) String name) {}

  record NewCollaborator(
      @NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String name) {}

  record CollaboratorDetails(String id, String email, String name, String status) {

    static CollaboratorDetails of(Collaborator c) {
      return new CollaboratorDetails(c.id(), c.email(), c.name(), c.status().name());
    }
  }

  @GetMapping
  @Transactional(readOnly = true)
  @Operation(summary = "The job's collaborators, with how their sign-in links stand")
  List<CollaboratorView> collaborators(@PathVariable @ResourceId String jobId) {
    return views.ofJob(jobs.get(CurrentRecruiter.get().workspaceId(), jobId));
  }

  @PatchMapping("/{collaboratorId}")
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
        collaborators.update(
            CurrentRecruiter.get().workspaceId(),
            jobId,
            collaboratorId,
            body.name(),
            body.email(),
            CurrentRecruiter.get().name());
    return views.of(CurrentRecruiter.get().workspaceId(), List.of(updated)).get(0);
  }

  @PostMapping("/{collaboratorId}/address-confirmation")
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
    collaborators.confirmAddress(recruiter.workspaceId(), jobId, collaboratorId, recruiter.name());
    return ResponseEntity.noContent().build();
  }

  @PostMapping
  @Operation(summary = "Invite a client person to review the job's submissions")
  @MayConflict("The address is already a collaborator")
  ResponseEntity<CollaboratorDetails> addCollaborator(
      @PathVariable @ResourceId String jobId, @Valid @RequestBody NewCollaborator body) {
    Collaborator collaborator =
        collaborators.add(CurrentRecruiter.get().workspaceId(), jobId, body.email(), body.name());
    return ResponseEntity.created(
            URI.create("/api/jobs/" + jobId + "/collaborators/" + collaborator.id()))
        .body(CollaboratorDetails.of(collaborator));
  }

  @DeleteMapping("/{collaboratorId}")
  @Operation(summary = "Remove a collaborator: their links and sessions stop working at once")
  ResponseEntity<Void> removeCollaborator(
      @PathVariable @ResourceId String jobId, @PathVariable @ResourceId String collaboratorId) {
    collaborators.remove(CurrentRecruiter.get().workspaceId(), jobId, collaboratorId);
    return ResponseEntity.noContent().build();
  }
}

package com.hirepilot.app.job;

import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API for guest collaborators: client contacts on every job of their company. */
@RestController
@RequestMapping("/api/workspace/guests")
class GuestController {

  private final GuestService guests;

  GuestController(GuestService guests) {
    this.guests = guests;
  }

  record NewGuest(
      @NotBlank @Email @Size(max = 320) String email,
      @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String clientCompany) {}

  record GuestJob(String jobId, String title, String collaboratorId, String status) {}

  record GuestDetails(
      String id,
      String email,
      String name,
      String clientCompany,
      Instant createdAt,
      List<GuestJob> jobs) {

    static GuestDetails of(GuestService.GuestOnJobs g) {
      Guest guest = g.guest();
      return new GuestDetails(
          guest.id(),
          guest.email(),
          guest.name(),
          guest.clientCompany(),
          guest.createdAt(),
          g.jobs().stream()
              .map(
                  j ->
                      new GuestJob(
                          j.jobId(),
                          j.title(),
                          j.collaboratorId(),
                          (j.active() ? Collaborator.Status.ACTIVE : Collaborator.Status.REMOVED)
                              .name()))
              .toList());
    }
  }

  @GetMapping
  @Operation(summary = "The workspace's guest collaborators, each with the jobs they are on")
  List<GuestDetails> list() {
    return guests.list(CurrentRecruiter.get().workspaceId()).stream()
        .map(GuestDetails::of)
        .toList();
  }

  @PostMapping
  @Operation(
      summary = "Add a guest collaborator (admins only)",
      description =
          "The guest becomes a collaborator on every job of the client company (any case), now"
              + " and on each job opened for it later. 403 for a recruiter who is not an"
              + " admin.")
  @com.hirepilot.app.system.MayConflict("The address is already a guest of the workspace")
  ResponseEntity<GuestDetails> add(@Valid @RequestBody NewGuest body) {
    GuestService.GuestOnJobs added = guests.add(body.email(), body.name(), body.clientCompany());
    return ResponseEntity.created(URI.create("/api/workspace/guests/" + added.guest().id()))
        .body(GuestDetails.of(added));
  }

  @DeleteMapping("/{guestId}")
  @Operation(
      summary = "Remove a guest collaborator (admins only)",
      description =
          "Removes the collaborator records the guest membership made: those links and sessions"
              + " end at once.")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "403", description = "Not an admin of the workspace")
  ResponseEntity<Void> remove(@PathVariable @ResourceId String guestId) {
    guests.remove(guestId);
    return ResponseEntity.noContent().build();
  }
}

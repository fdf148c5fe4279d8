package com.hirepilot.app.job;

import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guest collaborators (the seed's "Admin adds a Guest Collaborator to the workspace"): an admin
 * adds a client contact for a client company, and the contact becomes a collaborator on each of
 * that company's jobs, now and later, through the usual collaborator records. So portal access,
 * magic links, submission emails and removal work exactly as for a collaborator a recruiter added.
 * No email goes out on joining: like any collaborator, the guest gets a link with the next
 * submission email or asks for one on the portal's sign-in page.
 */
@Service
public class GuestService {

  /** A guest's access to one job through their membership. */
  public record JobAccess(String jobId, String title, String collaboratorId, boolean active) {}

  /** A guest with the jobs their membership put them on. */
  public record GuestOnJobs(Guest guest, List<JobAccess> jobs) {}

  private final Guests guests;
  private final GuestMemberships memberships;
  private final Collaborators collaborators;
  private final JobService jobs;
  private final JobCollaborators jobCollaborators;
  private final Clock clock;

  GuestService(
      Guests guests,
      GuestMemberships memberships,
      Collaborators collaborators,
      JobService jobs,
      JobCollaborators jobCollaborators,
      Clock clock) {
    this.guests = guests;
    this.memberships = memberships;
    this.collaborators = collaborators;
    this.jobs = jobs;
    this.jobCollaborators = jobCollaborators;
    this.clock = clock;
  }

  /** The workspace's guests, newest first, each with their jobs: two statements. */
  @Transactional(readOnly = true)
  public List<GuestOnJobs> list(String workspaceId) {
    List<Guest> all = guests.findByWorkspaceIdOrderByCreatedAtDesc(workspaceId);
    Map<String, List<JobAccess>> access =
        memberships.jobsOfGuests(all.stream().map(Guest::id).toList());
    return all.stream()
        .map(g -> new GuestOnJobs(g, List.copyOf(access.getOrDefault(g.id(), List.of()))))
        .toList();
  }

  /**
   * Adds a guest for a client company (admins only) and makes them a collaborator on each of the
   * company's current jobs.
   *
   * @throws ConflictException when the address is already a guest of the workspace
   */
  @Transactional
  public GuestOnJobs add(String email, String name, String clientCompany) {
    CurrentRecruiter admin = CurrentRecruiter.admin();
    String address = Collaborator.normalizeEmail(email);
    if (guests.findByWorkspaceIdAndEmail(admin.workspaceId(), address).isPresent()) {
      throw new ConflictException(address + " is already a guest collaborator of this workspace");
    }
    Instant now = clock.instant();
    Guest guest =
        guests.save(
            new Guest(
                Ids.next(),
                admin.workspaceId(),
                address,
                name == null || name.isBlank() ? null : name.strip(),
                clientCompany.strip(),
                Guest.companyKey(clientCompany),
                admin.recruiterId(),
                null,
                now));
    for (String jobId : memberships.jobsOf(admin.workspaceId(), guest.companyKey())) {
      join(guest, jobId);
    }
    return new GuestOnJobs(
        guest,
        List.copyOf(
            memberships.jobsOfGuests(List.of(guest.id())).getOrDefault(guest.id(), List.of())));
  }

  /**
   * Removes the guest (admins only) and the collaborator records their membership made: those links
   * and sessions end at once, as when a collaborator is removed. A collaborator a recruiter added
   * to a job directly stays.
   */
  @Transactional
  public Guest remove(String guestId) {
    CurrentRecruiter admin = CurrentRecruiter.admin();
    Guest guest =
        guests
            .findByIdAndWorkspaceId(guestId, admin.workspaceId())
            .orElseThrow(() -> new NotFoundException("Guest"));
    for (String collaboratorId : memberships.collaboratorsOf(guest.id())) {
      leave(guest, collaboratorId);
    }
    memberships.forgetAll(guest.id());
    guests.delete(guest);
    return guest;
  }

  /** A job opened or changed company: its guests follow the company. */
  @EventListener
  void on(JobCompanySet event) {
    Optional<Job> found = jobs.find(event.workspaceId(), event.jobId());
    if (found.isEmpty()) {
      return;
    }
    Job job = found.get();
    String key = Guest.companyKey(job.clientCompany());
    for (String guestId : memberships.guestsOn(job.id())) {
      guests
          .findById(guestId)
          .filter(g -> !Objects.equals(g.companyKey(), key))
          .ifPresent(g -> memberships.collaboratorsOf(g.id(), job.id()).forEach(c -> leave(g, c)));
    }
    if (key == null || key.isEmpty()) {
      return;
    }
    for (Guest guest : guests.findByWorkspaceIdAndCompanyKey(job.workspaceId(), key)) {
      join(guest, job.id());
    }
  }

  /**
   * Makes the guest a collaborator on the job, unless a recruiter already made them one: that
   * record is the recruiter's, and removing the guest must not take it away.
   */
  private void join(Guest guest, String jobId) {
    Optional<Collaborator> existing = collaborators.findByJobIdAndEmail(jobId, guest.email());
    if (existing.isPresent() && existing.get().isActive()) {
      return;
    }
    Collaborator added =
        jobCollaborators.add(guest.workspaceId(), jobId, guest.email(), guest.name());
    memberships.record(guest.id(), added.id());
  }

  private void leave(Guest guest, String collaboratorId) {
    collaborators
        .findById(collaboratorId)
        .filter(Collaborator::isActive)
        .ifPresent(c -> jobCollaborators.remove(guest.workspaceId(), c.jobId(), c.id()));
    memberships.forget(guest.id(), collaboratorId);
  }
}

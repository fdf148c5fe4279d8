package com.hirepilot.app.workspace;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One recruiting agency: everything else belongs to exactly one workspace.
 *
 * @param reminderSchedule the agency's own reminder schedule ({@link ReminderSchedule#text()}), or
 *     null to follow {@code portal.reminders.schedule}
 * @param brandColour the agency's accent colour, a {@code #rrggbb} that {@link BrandColour} let
 *     through, or null for {@link AgencyBrand#DEFAULT_COLOUR}
 * @param magicLinkTtl how long the invitation links in the agency's submission and reminder emails
 *     work (an ISO-8601 duration), or null to follow {@code portal.magic-link.ttl}
 * @param dealStageOnInterview where an interview request moves the job's deal: a deal stage, {@link
 *     DealFollowing#LEAVE}, or null for the default
 * @param dealStageOnApproval where an approval moves it, the same way
 */
public record Workspace(
    @Id String id,
    String name,
    String reminderSchedule,
    String brandColour,
    String magicLinkTtl,
    String dealStageOnInterview,
    String dealStageOnApproval,
    @Version Long version,
    Instant createdAt) {

  public static Workspace create(String id, String name, Instant now) {
    return new Workspace(id, name, null, null, null, null, null, null, now);
  }

  public Workspace withName(String newName) {
    return new Workspace(
        id,
        newName,
        reminderSchedule,
        brandColour,
        magicLinkTtl,
        dealStageOnInterview,
        dealStageOnApproval,
        version,
        createdAt);
  }

  /**
   * @param schedule the workspace's own reminder schedule, or null for the configured default
   */
  public Workspace withReminderSchedule(ReminderSchedule schedule) {
    return new Workspace(
        id,
        name,
        schedule == null ? null : schedule.text(),
        brandColour,
        magicLinkTtl,
        dealStageOnInterview,
        dealStageOnApproval,
        version,
        createdAt);
  }

  /**
   * @param colour a colour {@link BrandColour#parse} accepted, or null for the default
   */
  public Workspace withBrandColour(String colour) {
    return new Workspace(
        id,
        name,
        reminderSchedule,
        colour,
        magicLinkTtl,
        dealStageOnInterview,
        dealStageOnApproval,
        version,
        createdAt);
  }

  /**
   * @param ttl the lifetime of the workspace's invitation links, or null for the configured default
   */
  public Workspace withMagicLinkTtl(java.time.Duration ttl) {
    return new Workspace(
        id,
        name,
        reminderSchedule,
        brandColour,
        ttl == null ? null : ttl.toString(),
        dealStageOnInterview,
        dealStageOnApproval,
        version,
        createdAt);
  }

  /**
   * @param onInterview a deal stage, {@link DealFollowing#LEAVE}, or null for the default
   * @param onApproval the same for an approval
   */
  public Workspace withDealStages(String onInterview, String onApproval) {
    return new Workspace(
        id,
        name,
        reminderSchedule,
        brandColour,
        magicLinkTtl,
        onInterview,
        onApproval,
        version,
        createdAt);
  }
}

package com.hirepilot.app.workspace;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One recruiting agency: everything else belongs to exactly one workspace.
 *
 * @param reminderSchedule the agency's own reminder schedule ({@link ReminderSchedule#text()}), or
 *     null to follow {@code portal.reminders.schedule}
 */
public record Workspace(
    @Id String id, String name, String reminderSchedule, @Version Long version, Instant createdAt) {

  public static Workspace create(String id, String name, Instant now) {
    return new Workspace(id, name, null, null, now);
  }

  /**
   * @param schedule the workspace's own reminder schedule, or null for the configured default
   */
  public Workspace withReminderSchedule(ReminderSchedule schedule) {
    return new Workspace(id, name, schedule == null ? null : schedule.text(), version, createdAt);
  }
}

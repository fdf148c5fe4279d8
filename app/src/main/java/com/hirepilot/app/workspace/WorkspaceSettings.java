package com.hirepilot.app.workspace;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.PortalProperties;
import org.springframework.stereotype.Service;

/** A workspace's settings, and the defaults from configuration they override. */
@Service
public class WorkspaceSettings {

  private final Workspaces workspaces;
  private final ReminderSchedule defaultSchedule;

  WorkspaceSettings(Workspaces workspaces, PortalProperties properties) {
    this.workspaces = workspaces;
    try {
      this.defaultSchedule = new ReminderSchedule(properties.reminders().schedule());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portal.reminders.schedule (PORTAL_REMINDERS_SCHEDULE) is invalid: " + e.getMessage(), e);
    }
  }

  public ReminderSchedule defaultReminderSchedule() {
    return defaultSchedule;
  }

  /** The schedule new submissions of this workspace follow. */
  public ReminderSchedule reminderSchedule(String workspaceId) {
    String own = workspace(workspaceId).reminderSchedule();
    return own == null ? defaultSchedule : ReminderSchedule.parse(own);
  }

  public Workspace workspace(String workspaceId) {
    return workspaces.findById(workspaceId).orElseThrow(() -> new NotFoundException("Workspace"));
  }

  /**
   * Sets the workspace's own reminder schedule; null or blank goes back to the default. Submissions
   * already sent keep the schedule they started with.
   */
  public Workspace changeReminderSchedule(String workspaceId, String schedule) {
    ReminderSchedule parsed = null;
    if (schedule != null && !schedule.isBlank()) {
      try {
        parsed = ReminderSchedule.parse(schedule);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("reminderSchedule", e.getMessage());
      }
    }
    return workspaces.save(workspace(workspaceId).withReminderSchedule(parsed));
  }
}

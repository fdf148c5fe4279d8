package com.hirepilot.app.workspace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: the caller's workspace and its settings. */
@RestController
class WorkspaceController {

  private final WorkspaceSettings settings;

  WorkspaceController(WorkspaceSettings settings) {
    this.settings = settings;
  }

  /**
   * @param reminderSchedule the schedule new submissions follow
   * @param ownReminderSchedule whether it is the workspace's own rather than the default
   */
  record WorkspaceView(
      String id, String name, String reminderSchedule, boolean ownReminderSchedule) {}

  /**
   * @param reminderSchedule comma-separated ISO-8601 durations, e.g. {@code P1D,P3D}; blank or null
   *     returns to the configured default
   */
  record SettingsChange(@Size(max = 200) String reminderSchedule) {}

  @GetMapping("/api/workspace")
  WorkspaceView get() {
    return view(settings.workspace(CurrentRecruiter.get().workspaceId()));
  }

  @PatchMapping("/api/workspace")
  WorkspaceView change(@Valid @RequestBody SettingsChange body) {
    return view(
        settings.changeReminderSchedule(
            CurrentRecruiter.get().workspaceId(), body.reminderSchedule()));
  }

  private WorkspaceView view(Workspace workspace) {
    return new WorkspaceView(
        workspace.id(),
        workspace.name(),
        settings.reminderSchedule(workspace.id()).text(),
        workspace.reminderSchedule() != null);
  }
}

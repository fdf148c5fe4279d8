package com.hirepilot.app.task;

import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: the caller's own follow-up tasks. */
@RestController
class TaskController {

  private final RecruiterTaskService tasks;

  TaskController(RecruiterTaskService tasks) {
    this.tasks = tasks;
  }

  record TaskView(String id, String title, String jobId, String submissionId, Instant createdAt) {

    static TaskView of(RecruiterTask task) {
      return new TaskView(
          task.id(), task.title(), task.jobId(), task.submissionId(), task.createdAt());
    }
  }

  /** One statement, however many tasks the recruiter has. */
  @GetMapping("/api/tasks")
  List<TaskView> open() {
    CurrentRecruiter me = CurrentRecruiter.get();
    return tasks.openFor(me.workspaceId(), me.recruiterId()).stream().map(TaskView::of).toList();
  }

  @PostMapping("/api/tasks/{taskId}/done")
  ResponseEntity<Void> done(@PathVariable @ResourceId String taskId) {
    CurrentRecruiter me = CurrentRecruiter.get();
    tasks.done(me.workspaceId(), me.recruiterId(), taskId);
    return ResponseEntity.noContent().build();
  }
}

package com.hirepilot.app.task;

import com.hirepilot.app.system.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives recruiters follow-up tasks, lists their open ones and ticks them off. */
@Service
public class RecruiterTaskService {

  /** More than a recruiter works through; the list is a to-do list, not an archive. */
  static final int OPEN_LIMIT = 200;

  private final RecruiterTasks tasks;
  private final Clock clock;

  RecruiterTaskService(RecruiterTasks tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Gives the recruiter a task, once per key.
   *
   * @return whether it was created now (false: the key already has its task)
   */
  @Transactional
  public boolean assign(
      String idempotencyKey,
      String workspaceId,
      String recruiterId,
      String jobId,
      String submissionId,
      String title) {
    return tasks.insertOnce(
        idempotencyKey, workspaceId, recruiterId, jobId, submissionId, title, clock.instant());
  }

  /** The recruiter's open tasks, newest first. */
  public List<RecruiterTask> openFor(String workspaceId, String recruiterId) {
    return tasks.openFor(workspaceId, recruiterId, OPEN_LIMIT);
  }

  /**
   * Ticks off one of the recruiter's own tasks.
   *
   * @throws NotFoundException for another recruiter's task, or none: both answer 404
   */
  @Transactional
  public void done(String workspaceId, String recruiterId, String taskId) {
    if (!tasks.markDone(workspaceId, recruiterId, taskId, clock.instant())) {
      throw new NotFoundException("Task");
    }
  }
}

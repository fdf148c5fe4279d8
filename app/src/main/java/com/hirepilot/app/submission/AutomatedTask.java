package com.hirepilot.app.submission;

import com.hirepilot.app.automation.ActionPerformer;
import com.hirepilot.app.automation.ActionRun;
import com.hirepilot.app.automation.ActionType;
import com.hirepilot.app.automation.PermanentActionFailure;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.app.task.RecruiterTaskService;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code CREATE_TASK {title}}: a follow-up task for the recruiter who submitted the candidate. Here
 * because only the submission knows that recruiter; the task itself belongs to the task feature.
 */
@Component
class AutomatedTask implements ActionPerformer {

  /** The column's width. */
  static final int MAX_TITLE = 300;

  private final SubmissionContexts contexts;
  private final RecruiterTaskService tasks;
  private final JobActivityLog activityLog;
  private final Clock clock;

  AutomatedTask(
      SubmissionContexts contexts,
      RecruiterTaskService tasks,
      JobActivityLog activityLog,
      Clock clock) {
    this.contexts = contexts;
    this.tasks = tasks;
    this.activityLog = activityLog;
    this.clock = clock;
  }

  @Override
  public ActionType type() {
    return ActionType.CREATE_TASK;
  }

  /** The task and its activity line are keyed by the delivery ID: a retry adds neither again. */
  @Override
  @Transactional
  public void perform(ActionRun run) {
    String title = run.action().setting("title");
    if (title == null || title.isBlank()) {
      throw new PermanentActionFailure("the task has no title");
    }
    title = title.strip();
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE);
    }
    SubmissionContext context = contexts.load(run.event().submissionId());
    tasks.assign(
        run.deliveryId(),
        context.submission().workspaceId(),
        context.recruiter().id(),
        context.job().id(),
        context.id(),
        title);
    activityLog.append(
        run.deliveryId(),
        context.job().id(),
        context.id(),
        SubmissionEventType.TASK_CREATED,
        "automation",
        false,
        "Automation '"
            + run.ruleName()
            + "' gave "
            + context.recruiter().name()
            + " a task: "
            + title,
        clock.instant());
  }
}

package com.hirepilot.app.submission;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: out of service while start-up is still giving unfinished submissions their
 * workflows back, down if some could not be resumed, up once every one has its workflow.
 */
@Component("submissionWorkflowsHealthIndicator")
class SubmissionWorkflowsHealth implements HealthIndicator {

  private final OpenSubmissionsReconciler reconciler;

  SubmissionWorkflowsHealth(OpenSubmissionsReconciler reconciler) {
    this.reconciler = reconciler;
  }

  @Override
  public Health health() {
    OpenSubmissionsReconciler.Progress progress = reconciler.progress();
    Health.Builder health =
        !progress.complete()
            ? Health.outOfService()
            : progress.failed() > 0 ? Health.down() : Health.up();
    return health
        .withDetail("resumed", progress.resumed())
        .withDetail("failed", progress.failed())
        .withDetail("unfinished", progress.total())
        .build();
  }
}

package com.hirepilot.app.submission;

import com.hirepilot.app.system.TemporalConfiguration;
import com.hirepilot.app.system.TemporalProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Temporal server keeps workflows in memory only. At start-up every submission whose
 * workflow had work left (not settled) gets a workflow back that carries on from what the database
 * recorded: the round's email, the reminders already sent, the decision or withdrawal already
 * taken, the comments not yet passed on. Against an external cluster the workflows outlive this
 * process, so there is nothing to reconcile.
 */
@Component
class OpenSubmissionsReconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OpenSubmissionsReconciler.class);

  private final Submissions submissions;
  private final SubmissionService service;
  private final TemporalProperties temporal;

  OpenSubmissionsReconciler(
      Submissions submissions, SubmissionService service, TemporalProperties temporal) {
    this.submissions = submissions;
    this.service = service;
    this.temporal = temporal;
  }

  private volatile boolean running;

  /**
   * After the workers start and before the web server opens its port: by the time a request
   * arrives, every unfinished submission has its workflow again.
   */
  @Override
  public int getPhase() {
    return TemporalConfiguration.WORKERS_PHASE + 1;
  }

  @Override
  public void start() {
    reconcile();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  void reconcile() {
    if (!temporal.embedded()) {
      log.debug("Temporal at {} keeps the workflows; nothing to reconcile", temporal.address());
      return;
    }
    List<Submission> unsettled = submissions.findBySettledAtIsNull();
    unsettled.forEach(service::resume);
    if (!unsettled.isEmpty()) {
      log.info("Resumed the workflows of {} unfinished submission(s)", unsettled.size());
    }
  }
}

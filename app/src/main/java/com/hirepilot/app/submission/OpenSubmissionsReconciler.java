package com.hirepilot.app.submission;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded Temporal server keeps workflows in memory only. At start-up every submission the
 * database still has open gets its workflow back; against a real cluster the workflows already
 * exist and each start is a no-op. Emails already sent are not sent again: the activities skip
 * every email whose idempotency key has a delivery.
 */
@Component
class OpenSubmissionsReconciler {

  private static final Logger log = LoggerFactory.getLogger(OpenSubmissionsReconciler.class);

  private final Submissions submissions;
  private final SubmissionService service;

  OpenSubmissionsReconciler(Submissions submissions, SubmissionService service) {
    this.submissions = submissions;
    this.service = service;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void reconcile() {
    List<Submission> open = submissions.findByStatusIn(SubmissionService.OPEN);
    open.forEach(service::start);
    if (!open.isEmpty()) {
      log.info("Resumed the workflows of {} open submission(s)", open.size());
    }
  }
}

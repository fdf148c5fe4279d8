package com.hirepilot.app.automation;

import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.AutomationTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the first time each client opens each submission in the portal, and hands that moment to
 * the rules as {@code SUBMISSION_VIEWED}. No workflow is involved: the page itself reports it, and
 * the first view is recorded once per submission and collaborator, so reloading fires nothing more.
 */
@Component
public class SubmissionViews {

  private static final Logger log = LoggerFactory.getLogger(SubmissionViews.class);

  private final JdbcClient jdbc;
  private final SubmissionFacts submissions;
  private final AutomationEngine engine;
  private final Clock clock;

  /**
   * The views this instance already knows are on record. The candidate page is a read path that
   * must stay one transaction: a view seen before goes nowhere near the database, so only a
   * client's first view of a submission (on each instance) costs a write.
   */
  private final Map<String, Boolean> recorded =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_VIEWS;
            }
          });

  private static final int REMEMBERED_VIEWS = 10_000;

  SubmissionViews(
      JdbcClient jdbc, SubmissionFacts submissions, AutomationEngine engine, Clock clock) {
    this.jdbc = jdbc;
    this.submissions = submissions;
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * Call after the client was shown the submission. Never throws: a rule's trouble must not fail
   * the client's page; it is logged instead.
   */
  public void viewed(String submissionId, String collaboratorId) {
    String key = submissionId + "/" + collaboratorId;
    if (recorded.putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    boolean written = false;
    try {
      Instant at = clock.instant();
      int first =
          jdbc.sql(
                  """
                  insert into submission_first_view (submission_id, collaborator_id, viewed_at)
                  values (?, ?, ?) on conflict do nothing
                  """)
              .params(submissionId, collaboratorId, Timestamps.param(at))
              .update();
      if (first == 0) {
        return;
      }
      written = true;
      submissions
          .of(submissionId)
          .ifPresent(
              facts ->
                  engine.handle(
                      new LifecycleEventOccurred(
                          "submission-"
                              + submissionId
                              + "/automation/SUBMISSION_VIEWED/"
                              + collaboratorId,
                          AutomationTrigger.SUBMISSION_VIEWED,
                          facts.workspaceId(),
                          facts.jobId(),
                          submissionId,
                          facts.candidateId(),
                          at)));
    } catch (RuntimeException e) {
      recorded.remove(key); // not on record after all: the next view tries again
      log.warn("Automation rules for the first view of submission {} failed", submissionId, e);
      if (written) {
        forget(submissionId, collaboratorId);
      }
    }
  }

  /**
   * The rules never got this first view: it is forgotten, so the client's next view hands it over
   * again (its runs are once per rule and event, so a view the engine did half-record fires no rule
   * twice).
   */
  private void forget(String submissionId, String collaboratorId) {
    try {
      jdbc.sql("delete from submission_first_view where submission_id = ? and collaborator_id = ?")
          .params(submissionId, collaboratorId)
          .update();
    } catch (RuntimeException e) {
      log.warn("Could not forget the first view of submission {}", submissionId, e);
    }
  }
}

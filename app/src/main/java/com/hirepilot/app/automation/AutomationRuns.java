package com.hirepilot.app.automation;

import com.hirepilot.app.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code automation_run} and {@code automation_action_run} tables: what each rule did. */
@Repository
class AutomationRuns {

  static final String RUNNING = "RUNNING";
  static final String PENDING = "PENDING";
  static final String SUCCEEDED = "SUCCEEDED";
  static final String FAILED = "FAILED";

  /** A run as recorded; {@code actions} is how many actions the rule had then. */
  record Run(
      String id,
      String ruleId,
      String workspaceId,
      String eventKey,
      String trigger,
      String jobId,
      String submissionId,
      String outcome,
      int attempts,
      String error,
      Instant at,
      int actions) {}

  record ActionRecord(
      int index, String type, String outcome, int attempts, String error, Instant lastAttemptAt) {}

  private static final String RUN_COLUMNS =
      """
      r.id, r.rule_id, r.workspace_id, r.event_key, r.trigger_event, r.job_id, r.submission_id,
      r.outcome, r.attempts, r.error, r.created_at,
      (select count(*) from automation_action_run a where a.run_id = r.id) as actions
      """;

  private final JdbcClient jdbc;

  AutomationRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the rule's run for the event with its actions PENDING, once: a second hand-over of the
   * same event finds the first run and answers it.
   */
  @Transactional
  Run record(AutomationRule rule, LifecycleEventOccurred event, String newId, Instant at) {
    int inserted =
        jdbc.sql(
                """
                insert into automation_run (id, rule_id, workspace_id, event_key, trigger_event,
                  job_id, submission_id, outcome, attempts, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?)
                on conflict do nothing
                """)
            .params(
                newId,
                rule.id(),
                rule.workspaceId(),
                event.deliveryKey(),
                event.trigger().name(),
                event.jobId(),
                event.submissionId(),
                Timestamps.param(at))
            .update();
    if (inserted == 1) {
      for (int i = 0; i < rule.actions().size(); i++) {
        jdbc.sql(
                """
                insert into automation_action_run (run_id, action_index, action_type, outcome,
                  attempts) values (?, ?, ?, 'PENDING', 0)
                """)
            .params(newId, i, rule.actions().get(i).type().name())
            .update();
      }
    }
    return jdbc.sql(
            "select "
                + RUN_COLUMNS
                + " from automation_run r where r.rule_id = ? and r.event_key = ?")
        .params(rule.id(), event.deliveryKey())
        .query(AutomationRuns::run)
        .single();
  }

  Optional<Run> run(String runId) {
    return jdbc.sql("select " + RUN_COLUMNS + " from automation_run r where r.id = ?")
        .param(runId)
        .query(AutomationRuns::run)
        .optional();
  }

  /** Runs whose workflow has not finished them, oldest first. */
  List<Run> running(int limit) {
    return jdbc.sql(
            "select "
                + RUN_COLUMNS
                + " from automation_run r where r.outcome = 'RUNNING' order by r.created_at"
                + " fetch first "
                + limit
                + " rows only")
        .query(AutomationRuns::run)
        .list();
  }

  /**
   * A rule's latest runs, newest first, each with its actions: two statements whatever the count,
   * and only the shown runs' actions are read (a busy rule's whole history is not).
   */
  Map<Run, List<ActionRecord>> ofRule(String ruleId, int limit) {
    List<Run> runs =
        jdbc.sql(
                "select "
                    + RUN_COLUMNS
                    + " from automation_run r where r.rule_id = ?"
                    + " order by r.created_at desc, r.id desc fetch first "
                    + limit
                    + " rows only")
            .param(ruleId)
            .query(AutomationRuns::run)
            .list();
    Map<String, List<ActionRecord>> actions =
        jdbc
            .sql(
                """
                select a.run_id, a.action_index, a.action_type, a.outcome, a.attempts, a.error,
                  a.last_attempt_at
                from automation_action_run a
                where a.run_id in (select r.id from automation_run r where r.rule_id = ?
                  order by r.created_at desc, r.id desc fetch first %d rows only)
                order by a.run_id, a.action_index
                """
                    .formatted(limit))
            .param(ruleId)
            .query((rs, row) -> Map.entry(rs.getString("run_id"), action(rs)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    Map<Run, List<ActionRecord>> answer = new java.util.LinkedHashMap<>();
    runs.forEach(r -> answer.put(r, actions.getOrDefault(r.id(), List.of())));
    return answer;
  }

  /**
   * The latest runs of every rule of a workspace (at most {@code perRule} each), optionally only
   * those of one submission, each with its actions: two statements whatever the counts, for
   * support's reading of what the rules did.
   */
  Map<Run, List<ActionRecord>> latestOfWorkspace(
      String workspaceId, String submissionId, int perRule) {
    String latest =
        """
        select x.id from (
          select r.id, row_number() over (
            partition by r.rule_id order by r.created_at desc, r.id desc) as n
          from automation_run r
          where r.workspace_id = ? and (? = '' or r.submission_id = ?)
        ) x where x.n <= ?
        """;
    String submission = submissionId == null ? "" : submissionId;
    List<Run> runs =
        jdbc.sql(
                "select "
                    + RUN_COLUMNS
                    + " from automation_run r where r.id in ("
                    + latest
                    + ") order by r.created_at desc, r.id desc")
            .params(workspaceId, submission, submission, perRule)
            .query(AutomationRuns::run)
            .list();
    Map<String, List<ActionRecord>> actions =
        jdbc
            .sql(
                """
                select a.run_id, a.action_index, a.action_type, a.outcome, a.attempts, a.error,
                  a.last_attempt_at
                from automation_action_run a where a.run_id in (
                """
                    + latest
                    + ") order by a.run_id, a.action_index")
            .params(workspaceId, submission, submission, perRule)
            .query((rs, row) -> Map.entry(rs.getString("run_id"), action(rs)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    Map<Run, List<ActionRecord>> answer = new java.util.LinkedHashMap<>();
    runs.forEach(r -> answer.put(r, actions.getOrDefault(r.id(), List.of())));
    return answer;
  }

  Optional<ActionRecord> action(String runId, int index) {
    return jdbc.sql(
            """
            select action_index, action_type, outcome, attempts, error, last_attempt_at
            from automation_action_run where run_id = ? and action_index = ?
            """)
        .params(runId, index)
        .query((rs, row) -> action(rs))
        .optional();
  }

  List<ActionRecord> actions(String runId) {
    return new ArrayList<>(
        jdbc.sql(
                """
                select action_index, action_type, outcome, attempts, error, last_attempt_at
                from automation_action_run where run_id = ? order by action_index
                """)
            .param(runId)
            .query((rs, row) -> action(rs))
            .list());
  }

  void attempted(String runId, int index, Instant at) {
    jdbc.sql(
            """
            update automation_action_run set attempts = attempts + 1, last_attempt_at = ?
            where run_id = ? and action_index = ?
            """)
        .params(Timestamps.param(at), runId, index)
        .update();
  }

  void settle(String runId, int index, String outcome, String error) {
    jdbc.sql(
            "update automation_action_run set outcome = ?, error = ? where run_id = ? and action_index = ?")
        .params(outcome, error, runId, index)
        .update();
  }

  void retryError(String runId, int index, String error) {
    jdbc.sql("update automation_action_run set error = ? where run_id = ? and action_index = ?")
        .params(error, runId, index)
        .update();
  }

  void finish(String runId, String outcome, int attempts, String error, Instant at) {
    jdbc.sql(
            "update automation_run set outcome = ?, attempts = ?, error = ?, finished_at = ? where id = ?")
        .params(outcome, attempts, error, Timestamps.param(at), runId)
        .update();
  }

  private static Run run(ResultSet rs, int row) throws SQLException {
    return new Run(
        rs.getString("id"),
        rs.getString("rule_id"),
        rs.getString("workspace_id"),
        rs.getString("event_key"),
        rs.getString("trigger_event"),
        rs.getString("job_id"),
        rs.getString("submission_id"),
        rs.getString("outcome"),
        rs.getInt("attempts"),
        rs.getString("error"),
        Timestamps.read(rs, "created_at"),
        rs.getInt("actions"));
  }

  private static ActionRecord action(ResultSet rs) throws SQLException {
    return new ActionRecord(
        rs.getInt("action_index"),
        rs.getString("action_type"),
        rs.getString("outcome"),
        rs.getInt("attempts"),
        rs.getString("error"),
        Timestamps.read(rs, "last_attempt_at"));
  }
}

package com.hirepilot.app.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.AutomationTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code automation_rule} table. Conditions and actions are JSON; the settings that are secrets
 * are sealed by {@link SecretBox} on the way in and opened on the way out, so the column never
 * holds them in the clear.
 */
@Repository
class AutomationRules {

  /** Settings that are credentials, per action type. */
  static final Map<ActionType, Set<String>> SECRETS =
      Map.of(ActionType.WEBHOOK, Set.of("secret"), ActionType.SLACK, Set.of("url"));

  private static final TypeReference<List<Map<String, String>>> ACTIONS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, workspace_id, name, trigger_event, conditions, actions, paused, created_by, created_at";

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final ObjectMapper json;

  AutomationRules(JdbcClient jdbc, SecretBox box, ObjectMapper json) {
    this.jdbc = jdbc;
    this.box = box;
    this.json = json;
  }

  void insert(AutomationRule rule) {
    jdbc.sql(
            "insert into automation_rule ("
                + COLUMNS
                + ") values (:id, :workspaceId, :name, :trigger, :conditions, :actions, false,"
                + " :createdBy, :createdAt)")
        .param("id", rule.id())
        .param("workspaceId", rule.workspaceId())
        .param("name", rule.name())
        .param("trigger", rule.trigger().name())
        .param("conditions", rule.conditions().none() ? null : write(rule.conditions()))
        .param("actions", write(sealed(rule.actions())))
        .param("createdBy", rule.createdBy())
        .param("createdAt", Timestamps.param(rule.createdAt()))
        .update();
  }

  int countActive(String workspaceId) {
    return jdbc.sql(
            "select count(*) from automation_rule where workspace_id = ? and deleted_at is null")
        .param(workspaceId)
        .query(Integer.class)
        .single();
  }

  List<AutomationRule> list(String workspaceId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from automation_rule where workspace_id = ? and deleted_at is null"
                + " order by created_at, id")
        .param(workspaceId)
        .query(this::rule)
        .list();
  }

  /** The rules that fire on a trigger in a workspace: not paused, not deleted. */
  List<AutomationRule> active(String workspaceId, AutomationTrigger trigger) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from automation_rule where workspace_id = ? and trigger_event = ?"
                + " and paused = false and deleted_at is null order by created_at, id")
        .params(workspaceId, trigger.name())
        .query(this::rule)
        .list();
  }

  /** A rule of the workspace that is not deleted. */
  Optional<AutomationRule> find(String workspaceId, String ruleId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from automation_rule where id = ? and workspace_id = ? and deleted_at is null")
        .params(ruleId, workspaceId)
        .query(this::rule)
        .optional();
  }

  /** Any rule, deleted or not: a run started before the deletion still finishes. */
  Optional<AutomationRule> byId(String ruleId) {
    return jdbc.sql("select " + COLUMNS + " from automation_rule where id = ?")
        .param(ruleId)
        .query(this::rule)
        .optional();
  }

  boolean delete(String workspaceId, String ruleId, Instant at) {
    return jdbc.sql(
                "update automation_rule set deleted_at = ? where id = ? and workspace_id = ?"
                    + " and deleted_at is null")
            .params(Timestamps.param(at), ruleId, workspaceId)
            .update()
        == 1;
  }

  boolean pause(String workspaceId, String ruleId, boolean paused) {
    return jdbc.sql(
                "update automation_rule set paused = ? where id = ? and workspace_id = ?"
                    + " and deleted_at is null")
            .params(paused, ruleId, workspaceId)
            .update()
        == 1;
  }

  private List<Map<String, String>> sealed(List<RuleAction> actions) {
    List<Map<String, String>> stored = new ArrayList<>();
    for (RuleAction action : actions) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("type", action.type().name());
      Set<String> secrets = SECRETS.getOrDefault(action.type(), Set.of());
      action
          .settings()
          .forEach((k, v) -> values.put(k, secrets.contains(k) && v != null ? box.seal(v) : v));
      stored.add(values);
    }
    return stored;
  }

  private AutomationRule rule(ResultSet rs, int row) throws SQLException {
    String conditions = rs.getString("conditions");
    List<RuleAction> actions = new ArrayList<>();
    for (Map<String, String> stored : read(rs.getString("actions"), ACTIONS)) {
      Map<String, String> settings = new LinkedHashMap<>(stored);
      ActionType type = ActionType.valueOf(settings.remove("type"));
      Set<String> secrets = SECRETS.getOrDefault(type, Set.of());
      settings.replaceAll((k, v) -> secrets.contains(k) && v != null ? box.open(v) : v);
      actions.add(new RuleAction(type, settings));
    }
    return new AutomationRule(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("name"),
        AutomationTrigger.valueOf(rs.getString("trigger_event")),
        conditions == null
            ? RuleConditions.NONE
            : read(conditions, new TypeReference<RuleConditions>() {}),
        actions,
        rs.getBoolean("paused"),
        rs.getString("created_by"),
        Timestamps.read(rs, "created_at"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored rule is not readable JSON", e);
    }
  }
}

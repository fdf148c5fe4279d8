package com.hirepilot.app.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.EmailKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * How a delivery is kept in an {@code email_delivery} row: its columns, reading a row back, and the
 * sender's params as JSON. The reads ({@link EmailDeliveries}) and the status changes ({@link
 * DeliveryStatuses}) share it, so a new column is added in one place.
 */
final class DeliveryRows {

  static final String COLUMNS =
      "id, idempotency_key, workspace_id, submission_id, recipient, recipient_id, kind, subject,"
          + " status, error, attempts, next_attempt_at, provider_reason, message_id, params,"
          + " created_at, sent_at, status_at";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  private DeliveryRows() {}

  static String json(Map<String, String> params) {
    try {
      return params == null || params.isEmpty() ? null : JSON.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, String> params(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable delivery params " + json, e);
    }
  }

  static EmailDelivery delivery(ResultSet rs, int rowNum) throws SQLException {
    return new EmailDelivery(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        rs.getString("submission_id"),
        rs.getString("recipient"),
        EmailKind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        Status.valueOf(rs.getString("status")),
        rs.getString("error"),
        rs.getInt("attempts"),
        Timestamps.read(rs, "next_attempt_at"),
        rs.getString("provider_reason"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "sent_at"),
        Timestamps.read(rs, "status_at"),
        List.of());
  }

  static QueuedEmail queuedEmail(ResultSet rs, int rowNum) throws SQLException {
    return new QueuedEmail(
        rs.getString("id"),
        Status.valueOf(rs.getString("status")),
        new EmailRecipe(
            rs.getString("idempotency_key"),
            rs.getString("workspace_id"),
            rs.getString("submission_id"),
            EmailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"),
            rs.getString("recipient_id"),
            rs.getString("subject"),
            params(rs.getString("params"))),
        rs.getString("message_id"));
  }
}

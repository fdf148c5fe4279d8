package com.hirepilot.app.notification;

import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.notification.EmailDelivery.StatusChange;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timestamped history of each delivery's statuses ({@code email_delivery_event}): every status
 * the sender or the provider reported, kept even when it did not become the current one.
 */
@Component
class DeliveryHistory {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  DeliveryHistory(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Adds the status to the delivery's history and publishes the change ({@link
   * EmailDeliveryChanged}).
   */
  void record(String deliveryId, Status status, String detail, Instant at) {
    jdbc.sql(
            "insert into email_delivery_event (id, delivery_id, status, at, detail)"
                + " values (?, ?, ?, ?, ?)")
        .params(Ids.next(), deliveryId, status.name(), Timestamps.param(at), detail)
        .update();
    events.publishEvent(new EmailDeliveryChanged(deliveryId, status));
  }

  /** Reads the histories of all the deliveries in one statement. */
  List<EmailDelivery> withHistories(List<EmailDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return deliveries;
    }
    Map<String, List<StatusChange>> changes =
        jdbc
            .sql(
                """
                select delivery_id, status, at, detail from email_delivery_event
                where delivery_id in (:ids) order by at, id
                """)
            .param("ids", deliveries.stream().map(EmailDelivery::id).toList())
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getString("delivery_id"),
                        new StatusChange(
                            Status.valueOf(rs.getString("status")),
                            Timestamps.read(rs, "at"),
                            rs.getString("detail"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    LinkedHashMap::new,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return deliveries.stream()
        .map(d -> d.withHistory(changes.getOrDefault(d.id(), List.of())))
        .toList();
  }
}

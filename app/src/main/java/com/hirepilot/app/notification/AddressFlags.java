package com.hirepilot.app.notification;

import com.hirepilot.app.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Addresses that hard-bounced, were dropped by the provider or reported our mail as spam. New mail
 * to a flagged address waits until a recruiter confirms or corrects it: resending into the void
 * only hurts the workspace's sender reputation.
 */
@Component
public class AddressFlags {

  private final JdbcClient jdbc;

  AddressFlags(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Why an address is flagged.
   *
   * @param status BOUNCED, DROPPED or SPAM_REPORT
   * @param reason the provider's words, such as "550 5.1.1 mailbox does not exist"
   * @param deliveryId the delivery that raised it
   */
  public record Flag(
      String address,
      EmailDelivery.Status status,
      String reason,
      String deliveryId,
      Instant flaggedAt) {

    /** One line for people: "bounced: 550 5.1.1 mailbox does not exist". */
    public String describe() {
      String what =
          switch (status) {
            case BOUNCED -> "bounced";
            case DROPPED -> "dropped by SendGrid";
            case SPAM_REPORT -> "reported our email as spam";
            default -> status.name().toLowerCase(java.util.Locale.ROOT);
          };
      return reason == null || reason.isBlank() ? what : what + ": " + reason;
    }
  }

  /** Flags the address (or updates the flag with the latest reason). */
  public void flag(
      String workspaceId,
      String address,
      EmailDelivery.Status status,
      String reason,
      String deliveryId,
      Instant at) {
    String normalized = EmailDeliveries.normalize(address);
    int updated =
        jdbc.sql(
                """
                update email_address_flag set status = ?, reason = ?, delivery_id = ?,
                  flagged_at = ?
                where workspace_id = ? and address = ?
                """)
            .params(
                status.name(), reason, deliveryId, Timestamps.param(at), workspaceId, normalized)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into email_address_flag
                (workspace_id, address, status, reason, delivery_id, flagged_at)
              values (?, ?, ?, ?, ?, ?)
              on conflict do nothing
              """)
          .params(workspaceId, normalized, status.name(), reason, deliveryId, Timestamps.param(at))
          .update();
    }
  }

  public Optional<Flag> find(String workspaceId, String address) {
    return jdbc.sql(
            "select address, status, reason, delivery_id, flagged_at from email_address_flag"
                + " where workspace_id = ? and address = ?")
        .params(workspaceId, EmailDeliveries.normalize(address))
        .query(AddressFlags::flag)
        .optional();
  }

  /** The flags among these addresses, by normalized address: one statement. */
  public Map<String, Flag> among(String workspaceId, Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "select address, status, reason, delivery_id, flagged_at from email_address_flag"
                + " where workspace_id = :workspace and address in (:addresses)")
        .param("workspace", workspaceId)
        .param("addresses", addresses.stream().map(EmailDeliveries::normalize).distinct().toList())
        .query(AddressFlags::flag)
        .list()
        .stream()
        .collect(Collectors.toMap(Flag::address, Function.identity()));
  }

  /**
   * Refuses new mail to any of these addresses that is flagged, naming each and why: one statement.
   *
   * @throws FlaggedAddressesException (409) when one or more are flagged
   */
  public void refuseFlagged(String workspaceId, Collection<String> addresses) {
    Map<String, Flag> flagged = among(workspaceId, addresses);
    if (!flagged.isEmpty()) {
      throw new FlaggedAddressesException(
          flagged.values().stream().sorted(java.util.Comparator.comparing(Flag::address)).toList());
    }
  }

  /** Every flagged address of the workspace, newest first ("Needs attention"). */
  public List<Flag> of(String workspaceId, int limit) {
    return jdbc.sql(
            "select address, status, reason, delivery_id, flagged_at from email_address_flag"
                + " where workspace_id = ? order by flagged_at desc, address limit ?")
        .params(workspaceId, limit)
        .query(AddressFlags::flag)
        .list();
  }

  /**
   * A recruiter confirmed the address is right (or replaced it): mail may go to it again.
   *
   * @return whether it was flagged
   */
  public boolean clear(String workspaceId, String address) {
    return jdbc.sql("delete from email_address_flag where workspace_id = ? and address = ?")
            .params(workspaceId, EmailDeliveries.normalize(address))
            .update()
        > 0;
  }

  private static Flag flag(ResultSet rs, int n) throws SQLException {
    return new Flag(
        rs.getString("address"),
        EmailDelivery.Status.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getString("delivery_id"),
        Timestamps.read(rs, "flagged_at"));
  }
}

package com.hirepilot.app.deal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * The deal a job is connected to; at most one per job.
 *
 * @param stage where the deal stands, see {@link DealStages}
 * @param valueAmount what the deal is worth (the agency's fee), in {@code currency}; null if unset
 * @param currency ISO 4217 code of the value, such as EUR; null if unset
 * @param expectedClose when the deal is expected to close; null if unset
 */
public record Deal(
    @Id String id,
    String workspaceId,
    String jobId,
    String name,
    String stage,
    java.math.BigDecimal valueAmount,
    String currency,
    java.time.LocalDate expectedClose,
    @Version Long version,
    Instant createdAt,
    Instant updatedAt) {

  Deal renamed(String newName, String newStage, Terms terms, Instant now) {
    return new Deal(
        id,
        workspaceId,
        jobId,
        newName,
        newStage,
        terms.valueAmount(),
        terms.currency(),
        terms.expectedClose(),
        version,
        createdAt,
        now);
  }

  /** What the deal is worth and when it should close; each part may be null. */
  public record Terms(
      java.math.BigDecimal valueAmount, String currency, java.time.LocalDate expectedClose) {

    public static final Terms NONE = new Terms(null, null, null);
  }
}

package com.hirepilot.app.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moves {@link Instant}s across plain JDBC. Neither driver takes an Instant directly, but both take
 * an {@link OffsetDateTime} for {@code timestamp with time zone}.
 */
public final class Timestamps {

  private Timestamps() {}

  public static OffsetDateTime param(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

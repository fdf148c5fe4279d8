package com.hirepilot.app.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the pages (portal and console) first render them: in UTC, and saying so. The page's
 * script then shows each one in the reader's own time zone; without scripts the UTC text stays,
 * still unambiguous.
 */
public final class PageTimes {

  /** What the templates call, through {@code system/time.jte}. */
  public static final PageTimes INSTANCE = new PageTimes();

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private PageTimes() {}

  /** For a {@code datetime} attribute: HTML allows at most milliseconds. */
  public String iso(Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  public String utc(Instant at) {
    return at == null ? "" : UTC.format(at);
  }
}

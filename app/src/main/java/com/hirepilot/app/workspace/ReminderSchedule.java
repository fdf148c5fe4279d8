package com.hirepilot.app.workspace;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When an unanswered client is reminded: delays after the submission email, each later than the one
 * before. After the last reminder the recruiter is alerted. An empty schedule sends no reminders.
 */
public record ReminderSchedule(List<Duration> delays) {

  /** More reminders than this nag the client rather than help the recruiter. */
  public static final int MAX_REMINDERS = 10;

  /** Nothing waits longer than a year for an answer. */
  static final Duration LONGEST = Duration.ofDays(365);

  public ReminderSchedule {
    delays = List.copyOf(delays);
    if (delays.size() > MAX_REMINDERS) {
      throw new IllegalArgumentException("at most " + MAX_REMINDERS + " reminders");
    }
    Duration previous = Duration.ZERO;
    for (Duration delay : delays) {
      if (delay.compareTo(Duration.ofSeconds(1)) < 0 || delay.compareTo(LONGEST) > 0) {
        throw new IllegalArgumentException(
            "each delay must be between PT1S and P365D, not " + format(delay));
      }
      if (delay.compareTo(previous) <= 0) {
        throw new IllegalArgumentException(
            "delays count from the submission email, so each must be later than the one before");
      }
      previous = delay;
    }
  }

  /**
   * Reads comma-separated ISO-8601 durations, as in {@code portal.reminders.schedule}: {@code
   * P2D,P5D} reminds two and five days after the email.
   *
   * @throws IllegalArgumentException with a message fit to show the user
   */
  public static ReminderSchedule parse(String text) {
    List<Duration> delays = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        String trimmed = part.strip();
        try {
          delays.add(Duration.parse(trimmed));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "'" + trimmed + "' is not an ISO-8601 duration such as P2D or PT12H");
        }
      }
    }
    return new ReminderSchedule(delays);
  }

  /** The schedule as it is configured and stored: {@code P2D,P5D}. */
  public String text() {
    return String.join(",", delays.stream().map(ReminderSchedule::format).toList());
  }

  /** Whole days as {@code P2D}, as people write them; {@link Duration#toString()} says PT48H. */
  private static String format(Duration delay) {
    return delay.toSeconds() % 86_400 == 0 ? "P" + delay.toDays() + "D" : delay.toString();
  }
}

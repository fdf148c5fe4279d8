package com.hirepilot.app.console;

import java.util.Locale;

/** How the console's pages write the system's names for people. */
public final class ConsoleWords {

  private ConsoleWords() {}

  /** {@code AWAITING_FEEDBACK} as "Awaiting feedback"; "—" for nothing. */
  public static String label(Object name) {
    if (name == null) {
      return "—";
    }
    String words = name.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A profile's optional text, or a dash where there is none. */
  public static String orDash(String text) {
    return text == null || text.isEmpty() ? "—" : text;
  }
}

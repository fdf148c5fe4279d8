package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import java.util.Optional;

/**
 * The checks the desk's forms make before a service is called: the same limits the recruiter API's
 * request records declare, with messages a person can act on. Text passes the same gate as every
 * JSON body ({@link UserText}).
 */
final class DeskForms {

  static final int TITLE_MAX = 200;
  static final int SHORT_MAX = 200;
  static final int LONG_MAX = 20_000;
  static final int EMAIL_MAX = 320;
  static final int COMMENT_MAX = 5_000;

  private DeskForms() {}

  /** Cleaned text, or null when the field was left empty. */
  static String optional(String field, String label, String value, int max) {
    String clean = value == null ? null : UserText.clean(field, value).strip();
    if (clean == null || clean.isEmpty()) {
      return null;
    }
    if (clean.length() > max) {
      throw new InvalidInputException(
          field, label + " is too long (at most " + max + " characters)");
    }
    return clean;
  }

  static String required(String field, String label, String value, int max) {
    String clean = optional(field, label, value, max);
    if (clean == null) {
      throw new InvalidInputException(field, "enter the " + label);
    }
    return clean;
  }

  /** Why {@link UserText} refuses this text, if it does. */
  static Optional<String> textProblem(String field, String value) {
    try {
      UserText.clean(field, value);
      return Optional.empty();
    } catch (InvalidInputException e) {
      // UserText answers only by throwing; this is the one place a form turns that into an error.
      return Optional.of(e.getMessage());
    }
  }

  static String email(String field, String value) {
    String clean = required(field, "email address", value, EMAIL_MAX);
    if (!clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException(field, "enter an email address like name@client.com");
    }
    return clean;
  }
}

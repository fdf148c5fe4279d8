package com.hirepilot.app.console;

/**
 * A form field's value as the console's forms write it. A field with nothing to show still gets
 * {@code value=""} (as the Thymeleaf pages wrote it), where a jte attribute with a null value would
 * be left out.
 */
final class FieldValues {

  private FieldValues() {}

  /** The text, or "" for nothing. */
  static String text(String value) {
    return value == null ? "" : value;
  }
}

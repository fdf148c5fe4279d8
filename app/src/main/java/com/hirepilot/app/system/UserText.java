package com.hirepilot.app.system;

import java.text.Normalizer;

/**
 * The one gate for text people type (security.md 26). Text is normalised to NFC, so "é" is one
 * character whichever keyboard typed it, and CRLF or CR line ends become LF. Refused, with a 422
 * that names the field: NUL and the other C0 controls but tab and newline, DEL and the C1 controls
 * (they corrupt pages, emails and logs); the bidi overrides and isolates U+202A–U+202E and
 * U+2066–U+2069 (they reorder text, so a file name or a comment can show something else than it
 * says); and lone surrogates, which no UTF-8 can carry, so every JSON answer stays valid.
 */
public final class UserText {

  private UserText() {}

  /**
   * @param field how the caller names the field, for the 422 answer
   * @return the text, normalised; null stays null
   * @throws InvalidInputException naming the field and the character
   */
  public static String clean(String field, String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      String problem = problem(c);
      if (problem != null) {
        throw new InvalidInputException(
            field,
            "%s contains %s (U+%04X), which is not allowed; remove it and send again."
                .formatted(field, problem, (int) c));
      }
    }
    String lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    return Normalizer.normalize(lines, Normalizer.Form.NFC);
  }

  private static String problem(char c) {
    if (Character.isSurrogate(c)) {
      return "an unpaired surrogate";
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
      return "a control character";
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return "a text-direction control character";
    }
    return null;
  }
}

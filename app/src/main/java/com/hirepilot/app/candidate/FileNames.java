package com.hirepilot.app.candidate;

import java.text.Normalizer;

/** Makes an uploaded file's name safe to show and to put in a Content-Disposition header. */
public final class FileNames {

  private FileNames() {}

  public static String sanitize(String original) {
    if (original == null || original.isBlank()) {
      return "file";
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder safe = new StringBuilder();
    for (char c : name.toCharArray()) {
      safe.append(
          Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ' ? c : '_');
    }
    String result = safe.toString().trim();
    while (result.startsWith(".")) {
      result = result.substring(1);
    }
    if (result.isEmpty()) {
      return "file";
    }
    return result.length() > 200 ? result.substring(result.length() - 200) : result;
  }
}

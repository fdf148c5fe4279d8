package com.hirepilot.app.console;

import java.util.Locale;

/** File sizes as the console's pages write them: {@code ${sizes.of(bytes)}}. */
public final class FileSizes {

  static final FileSizes INSTANCE = new FileSizes();

  private FileSizes() {}

  public String of(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}

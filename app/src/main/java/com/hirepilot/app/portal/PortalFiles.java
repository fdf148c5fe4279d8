package com.hirepilot.app.portal;

import java.util.Locale;

/** Small wordings the candidate page uses: file sizes, and what each thread entry was. */
public final class PortalFiles {

  /** What the templates call: {@code PortalFiles.INSTANCE.size(bytes)}. */
  static final PortalFiles INSTANCE = new PortalFiles();

  private PortalFiles() {}

  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  public String entry(String type) {
    return switch (type) {
      case "SUBMITTED" -> "submitted the candidate";
      case "UPDATED" -> "updated the submission";
      case "REPLIED" -> "replied";
      case "COMMENTED" -> "commented";
      case "APPROVED" -> "approved";
      case "REJECTED" -> "rejected";
      case "INTERVIEW_REQUESTED" -> "requested an interview";
      default -> "";
    };
  }
}

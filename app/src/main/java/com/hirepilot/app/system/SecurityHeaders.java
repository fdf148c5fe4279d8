package com.hirepilot.app.system;

/** The headers every page of the app carries, wherever it is produced. */
public final class SecurityHeaders {

  /** security.md line 22. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  private SecurityHeaders() {}
}

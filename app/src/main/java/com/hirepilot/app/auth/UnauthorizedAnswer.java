package com.hirepilot.app.auth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * The 401 the API doors answer before any controller runs: a problem document, like every other API
 * error, rather than Spring Security's empty page.
 */
final class UnauthorizedAnswer {

  private static final String PROBLEM_401 =
      """
      {"type":"about:blank","title":"Unauthorized","status":401,"detail":"%s"}""";

  private UnauthorizedAnswer() {}

  /**
   * The entry point of a door that takes a bearer token: it names the scheme it wants ({@code
   * WWW-Authenticate: Bearer}) and answers a 401 problem with {@code detail}.
   */
  static org.springframework.security.web.AuthenticationEntryPoint bearer(String detail) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, detail);
    };
  }

  /** A 401 problem answer; {@code detail} is a constant sentence, never user input. */
  static void write(HttpServletResponse response, String detail) throws java.io.IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write(PROBLEM_401.formatted(detail));
  }
}

package com.hirepilot.app.auth;

import com.hirepilot.app.system.TooManyRequestsException;
import com.hirepilot.app.throttle.Throttle;
import com.hirepilot.app.throttle.Throttles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-IP limits on the doors strangers can knock on: asking for a link, and signing in with one.
 * The answer depends only on the IP, never on the address asked for, so it tells nobody who is a
 * client. Scripts get a 429 problem; browsers get the app's error page for 429. Both carry {@code
 * Retry-After}.
 */
class SignInThrottle extends OncePerRequestFilter {

  private static final String PROBLEM_429 =
      """
      {"type":"about:blank","title":"Too Many Requests","status":429,\
      "detail":"Too many attempts from your network. Try again in %d seconds."}""";

  private final Throttles throttles;

  SignInThrottle(Throttles throttles) {
    this.throttles = throttles;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Throttle throttle = throttleFor(request);
    Optional<Duration> wait =
        throttle == null ? Optional.empty() : throttles.take(throttle, request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = TooManyRequestsException.retryAfterSeconds(wait.get());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    if (request.getServletPath().startsWith("/api/")) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write(PROBLEM_429.formatted(seconds));
    } else {
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }
  }

  private static Throttle throttleFor(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    return switch (request.getServletPath()) {
      case "/portal/access", "/portal/access/renew" -> Throttle.LINK_REQUESTS_PER_IP;
      case "/portal/login", "/api/portal/session" -> Throttle.SIGN_INS_PER_IP;
      default -> null;
    };
  }
}

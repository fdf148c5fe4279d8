package com.hirepilot.app.auth;

import com.hirepilot.app.throttle.Throttle;
import com.hirepilot.app.throttle.Throttles;
import com.hirepilot.app.workspace.Recruiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits console password attempts per IP and per address (whatever the IP), before the password is
 * checked. Over either limit the browser gets the app's 429 page with {@code Retry-After}; the same
 * for an address with or without an account.
 */
class ConsoleSignInThrottle extends OncePerRequestFilter {

  static final String PATH = "/console/login";

  private final Throttles throttles;

  ConsoleSignInThrottle(Throttles throttles) {
    this.throttles = throttles;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && PATH.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String email = Recruiter.normalisedEmail(request.getParameter("email"));
    Optional<Duration> wait =
        throttles
            .take(Throttle.CONSOLE_SIGN_INS_PER_IP, request.getRemoteAddr())
            .or(
                () ->
                    email == null || email.isEmpty()
                        ? Optional.empty()
                        : throttles.take(Throttle.CONSOLE_SIGN_INS_PER_ADDRESS, email));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(
        HttpHeaders.RETRY_AFTER,
        String.valueOf(
            com.hirepilot.app.system.TooManyRequestsException.retryAfterSeconds(wait.get())));
    response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
  }
}

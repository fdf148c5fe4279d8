package com.hirepilot.app.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal session's absolute lifetime (security.md 15): however active the client is, a session
 * ends this long after it began, and they sign in again with a link. The servlet container only
 * knows the idle timeout. The creation time survives the session ID change at sign-in, so the
 * lifetime counts from the first request of the session at the latest.
 */
class SessionLifetime extends OncePerRequestFilter {

  private final Duration lifetime;
  private final Clock clock;

  SessionLifetime(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && clock.millis() - session.getCreationTime() > lifetime.toMillis()) {
      // Before the security context is read from it: this request is already signed out.
      session.invalidate();
    }
    chain.doFilter(request, response);
  }
}

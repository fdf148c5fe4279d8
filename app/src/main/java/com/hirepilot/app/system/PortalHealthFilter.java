package com.hirepilot.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts the portal's answers, and its feedback requests, for {@link HealthSignals}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PortalHealthFilter extends OncePerRequestFilter {

  private final HealthSignals signals;

  PortalHealthFilter(HealthSignals signals) {
    this.signals = signals;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    return !(path.startsWith("/portal") || path.startsWith("/api/portal"))
        || path.startsWith("/portal/assets");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = response.getStatus() >= 500;
    } finally {
      record(HealthSignals.Signal.PORTAL_5XX, failed);
      if (isFeedback(request)) {
        record(HealthSignals.Signal.FEEDBACK_ERRORS, failed);
      }
    }
  }

  private void record(HealthSignals.Signal signal, boolean failed) {
    if (failed) {
      signals.failed(signal);
    } else {
      signals.succeeded(signal);
    }
  }

  private static boolean isFeedback(HttpServletRequest request) {
    String path = request.getServletPath();
    return "POST".equals(request.getMethod())
        && (path.endsWith("/decision") || path.endsWith("/comments") || path.endsWith("/comment"));
  }
}

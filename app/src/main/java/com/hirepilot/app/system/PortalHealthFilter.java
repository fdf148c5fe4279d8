package com.hirepilot.app.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the portal's answers, and its feedback requests, for {@link HealthSignals}; and the
 * answers by status class for the metric {@code hirepilot_portal_responses_total}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PortalHealthFilter extends OncePerRequestFilter {

  private final HealthSignals signals;

  /** One counter per status class (1xx to 5xx), made once: the hot path only increments. */
  private final Counter[] responses = new Counter[5];

  PortalHealthFilter(HealthSignals signals, MeterRegistry registry) {
    this.signals = signals;
    for (int i = 0; i < responses.length; i++) {
      responses[i] =
          Counter.builder("hirepilot.portal.responses")
              .description("Answers of the client portal (pages and its JSON API), by status class")
              .tag("status", (i + 1) + "xx")
              .register(registry);
    }
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
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
      failed = status >= 500;
    } finally {
      // An exception that escaped the chain becomes a 5xx answer.
      responses[Math.min(Math.max(status / 100, 1), 5) - 1].increment();
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

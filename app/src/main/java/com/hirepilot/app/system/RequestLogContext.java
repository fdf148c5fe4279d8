package com.hirepilot.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a web request's log lines the job and submission its path names ({@code /api/jobs/{id}},
 * {@code /portal/submissions/{id}}, {@code /console/jobs/{id}/...}), and clears every {@link
 * LogContext} field when the request ends. Only the path is read: the query string may hold a
 * sign-in token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RequestLogContext extends OncePerRequestFilter {

  /** What an ID can look like ({@link ResourceId}); anything else is not put in the logs. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      putIdsOf(request.getServletPath());
      chain.doFilter(request, response);
    } finally {
      LogContext.clear();
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  static void putIdsOf(String path) {
    if (path == null) {
      return;
    }
    String[] segments = path.split("/");
    for (int i = 0; i + 1 < segments.length; i++) {
      String next = segments[i + 1];
      if (!ID.matcher(next).matches()) {
        continue;
      }
      if (segments[i].equals("jobs")) {
        LogContext.put(LogContext.JOB_ID, next);
      } else if (segments[i].equals("submissions")) {
        LogContext.put(LogContext.SUBMISSION_ID, next);
      }
    }
  }
}

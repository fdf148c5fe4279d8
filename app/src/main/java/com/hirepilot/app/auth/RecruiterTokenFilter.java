package com.hirepilot.app.auth;

import com.hirepilot.app.system.LogContext;
import com.hirepilot.app.workspace.RecruiterDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the recruiter API's {@code Authorization: Bearer} token by its hash, on every
 * request: there is no recruiter session to go stale, and a revoked token fails at once.
 */
class RecruiterTokenFilter extends OncePerRequestFilter {

  private final RecruiterDirectory recruiters;

  RecruiterTokenFilter(RecruiterDirectory recruiters) {
    this.recruiters = recruiters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      if (!token.isEmpty()) {
        recruiters
            .byApiToken(token)
            .ifPresent(
                recruiter -> {
                  SecurityContextHolder.getContext()
                      .setAuthentication(RecruiterAuthentication.of(recruiter));
                  LogContext.put(LogContext.WORKSPACE_ID, recruiter.workspaceId());
                });
      }
    }
    chain.doFilter(request, response);
  }
}

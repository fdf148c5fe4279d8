package com.hirepilot.app.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the recruiter API's {@code Authorization: Bearer} token by its hash, on every
 * request: there is no recruiter session to go stale.
 */
public class RecruiterTokenFilter extends OncePerRequestFilter {

  public static final String ROLE = "RECRUITER";

  private final RecruiterDirectory recruiters;

  public RecruiterTokenFilter(RecruiterDirectory recruiters) {
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
                  var principal =
                      new CurrentRecruiter(
                          recruiter.id(),
                          recruiter.workspaceId(),
                          recruiter.name(),
                          recruiter.email());
                  var authentication =
                      UsernamePasswordAuthenticationToken.authenticated(
                          principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
                  SecurityContextHolder.getContext().setAuthentication(authentication);
                });
      }
    }
    chain.doFilter(request, response);
  }
}

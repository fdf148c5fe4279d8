package com.hirepilot.app.auth;

import static com.hirepilot.app.auth.SecurityConfiguration.CONTENT_SECURITY_POLICY;

import com.hirepilot.app.workspace.RecruiterDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The recruiter API's door: a recruiter's API token ({@code Authorization: Bearer}) on every
 * request, no session, and so no CSRF.
 */
@Configuration(proxyBeanMethods = false)
class RecruiterApiSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain recruiterApi(HttpSecurity http, RecruiterDirectory recruiters)
      throws Exception {
    RequestMatcher recruiterPaths =
        request -> {
          String path = request.getServletPath();
          // REX serves both doors: a request with a portal session and no bearer token goes on
          // to the portal's chain; anything else is the recruiter API's, so a recruiter who
          // forgot the token hears "401, a token is required", not the portal's CSRF refusal.
          boolean rexFromPortal =
              path.startsWith("/api/rex/")
                  && request.getHeader("Authorization") == null
                  && request.getRequestedSessionId() != null;
          return path.startsWith("/api/") && !path.startsWith("/api/portal/") && !rexFromPortal;
        };
    return http.securityMatcher(recruiterPaths)
        .csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on their own
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new RecruiterTokenFilter(recruiters), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().hasRole(RecruiterAuthentication.ROLE))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    UnauthorizedAnswer.bearer("A valid recruiter API token is required.")))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }
}

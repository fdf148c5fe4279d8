package com.hirepilot.app.auth;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.SecurityHeaders;
import com.hirepilot.app.throttle.Throttles;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Six doors: the actuator (health open, metrics for admin recruiter tokens; {@link
 * ActuatorSecurity}), the recruiter API (bearer token, no session; {@link RecruiterApiSecurity}),
 * SendGrid's Event Webhook (its signature, no session; {@link ProviderWebhookSecurity}), the
 * recruiters' console (email and password, session, CSRF; {@link ConsoleSecurity}), the mailbox of
 * the embedded mail server (open, local only), and the portal (magic link, session, CSRF) with
 * everything else, here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

  @Bean
  @Order(3)
  SecurityFilterChain portal(
      HttpSecurity http,
      PortalTokenService tokenService,
      AccessLinkRequests accessLinkRequests,
      CollaboratorAccounts accounts,
      LoginLinks links,
      Throttles throttles,
      PortalProperties properties,
      HealthSignals health,
      MagicLinkOutcomes outcomes,
      Clock clock)
      throws Exception {
    return http.addFilterBefore(
            new SessionLifetime(properties.session().absoluteLifetime(), clock),
            SecurityContextHolderFilter.class)
        .addFilterBefore(new SignInThrottle(throttles), LogoutFilter.class)
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler()))
        .userDetailsService(accounts)
        .oneTimeTokenLogin(
            ott ->
                ott.tokenService(tokenService)
                    .loginProcessingUrl("/portal/login")
                    .showDefaultSubmitPage(false)
                    .loginPage("/portal/access")
                    .tokenGeneratingUrl("/portal/access")
                    .generateRequestResolver(
                        request -> new GenerateOneTimeTokenRequest(emailOf(request)))
                    .tokenGenerationSuccessHandler(accessLinkRequests)
                    .authenticationSuccessHandler(
                        (request, response, authentication) -> {
                          health.succeeded(HealthSignals.Signal.MAGIC_LINK_FAILURES);
                          outcomes.count(MagicLinkOutcomes.Outcome.SUCCESS);
                          response.sendRedirect(
                              safeTarget(
                                  request.getAttribute(PortalTokenService.TARGET_ATTRIBUTE)));
                        })
                    .authenticationFailureHandler(
                        (request, response, ex) -> {
                          // A signed-in client pressing "Continue" on their own used link (the
                          // back button, a second tab) is let back in rather than refused. The
                          // failed attempt cleared the request's context; the session keeps it.
                          LoginLinks.Look link = links.peek(request.getParameter("token"));
                          if (PortalClient.collaboratorIdInSession(request)
                              .filter(link::ownedBy)
                              .isPresent()) {
                            outcomes.count(MagicLinkOutcomes.Outcome.REENTERED);
                            response.sendRedirect(safeTarget(link.targetPath()));
                          } else {
                            health.failed(HealthSignals.Signal.MAGIC_LINK_FAILURES);
                            outcomes.count(MagicLinkOutcomes.refused(link.state()));
                            response.sendRedirect("/portal/login?invalid");
                          }
                        }))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/portal/login",
                        "/portal/access",
                        "/portal/access/renew",
                        "/portal/assets/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/portal/session")
                    .permitAll()
                    .requestMatchers("/portal/**", "/api/portal/**", "/api/rex/**")
                    .hasRole(PortalClient.ROLE)
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    (request, response, ex) ->
                        UnauthorizedAnswer.write(
                            response, "Sign in with the link from your email first."),
                    AntPathRequestMatcher.antMatcher("/api/**")))
        .logout(
            logout ->
                logout
                    .logoutUrl("/portal/logout")
                    .logoutSuccessUrl("/portal/access?signedOut")
                    .deleteCookies("JSESSIONID"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
        .requestCache(cache -> cache.disable())
        .build();
  }

  private static String emailOf(jakarta.servlet.http.HttpServletRequest request) {
    String email = request.getParameter("email");
    return email == null ? "" : email.trim();
  }

  /** Only a path inside the portal: a stored target must never send a client elsewhere. */
  static String safeTarget(Object target) {
    if (target instanceof String path
        && path.startsWith("/portal/")
        && !path.startsWith("//")
        && !path.contains("\\")) {
      return path;
    }
    return "/portal";
  }
}

package com.hirepilot.app.auth;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.SecurityHeaders;
import com.hirepilot.app.throttle.Throttles;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.RecruiterDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Six doors: the actuator (health open, metrics for admin recruiter tokens), the recruiter API
 * (bearer token, no session), SendGrid's Event Webhook (its signature, no session), the recruiters'
 * console (email and password, session, CSRF), the mailbox of the embedded mail server (open, local
 * only), and the portal (magic link, session, CSRF) with everything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

  private static final String PROBLEM_401 =
      """
      {"type":"about:blank","title":"Unauthorized","status":401,"detail":"%s"}""";

  /**
   * The actuator: health stays open for load balancers and orchestrators (without details); the
   * Prometheus scrape takes an admin recruiter's API token ({@code Authorization: Bearer}), since
   * metrics describe the whole agency's traffic; any other actuator path is refused to everyone.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, RecruiterDirectory recruiters) throws Exception {
    return http.securityMatcher("/actuator/**")
        .csrf(csrf -> csrf.disable()) // no session, no cookie: nothing for a forged request to use
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(new RecruiterTokenFilter(recruiters), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                    .hasAuthority(CurrentRecruiter.ADMIN_AUTHORITY)
                    .anyRequest()
                    .denyAll())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    (request, response, ex) -> {
                      response.setHeader("WWW-Authenticate", "Bearer");
                      unauthorized(response, "An admin recruiter's API token is required.");
                    }))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }

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
                    (request, response, ex) -> {
                      response.setHeader("WWW-Authenticate", "Bearer");
                      unauthorized(response, "A valid recruiter API token is required.");
                    }))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }

  /**
   * SendGrid's Event Webhook: a server posting batches, with no session, no cookie and no CSRF
   * token. Its signature (checked by the controller, over the raw body) is its authentication, so
   * Spring Security lets this one path through and keeps nothing. Every other {@code /webhooks/}
   * path stays with the portal's chain, CSRF and all.
   */
  @Bean
  @Order(2)
  SecurityFilterChain providerWebhooks(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webhooks/sendgrid"))
        .csrf(csrf -> csrf.disable()) // no cookie is sent or read: nothing for a forged request
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(c -> c.disable())
        .anonymous(a -> a.disable())
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }

  /** Bcrypt today, behind the delegating encoder's {@code {id}} prefix so it can change later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The console's session keeps its security context under its own key, so one browser can be a
   * recruiter in the console and a client in the portal without either replacing the other.
   */
  static final String CONSOLE_CONTEXT = "HIREPILOT_CONSOLE_SECURITY_CONTEXT";

  @Bean
  @Order(2)
  SecurityFilterChain console(
      HttpSecurity http,
      RecruiterDirectory recruiters,
      PasswordEncoder passwords,
      Throttles throttles,
      PortalProperties properties,
      Clock clock)
      throws Exception {
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey(CONSOLE_CONTEXT);
    // After sign-in the recruiter lands on the page they asked for (an emailed link to a
    // submission, say), at its own address: no "?continue" marker on it.
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setMatchingRequestParameterName(null);
    DaoAuthenticationProvider provider =
        new DaoAuthenticationProvider(new ConsoleAccounts(recruiters));
    provider.setPasswordEncoder(passwords);
    return http.securityMatcher("/console/**")
        .addFilterBefore(
            new SessionLifetime(properties.session().absoluteLifetime(), clock),
            SecurityContextHolderFilter.class)
        .addFilterBefore(
            new ConsoleSignInThrottle(throttles), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new ConsoleRecruiterFilter(recruiters), AuthorizationFilter.class)
        .securityContext(c -> c.securityContextRepository(contexts))
        .requestCache(cache -> cache.requestCache(requests))
        .authenticationProvider(provider)
        .formLogin(
            form ->
                form.loginPage(ConsoleSignInThrottle.PATH)
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .defaultSuccessUrl("/console", false)
                    .failureUrl(ConsoleSignInThrottle.PATH + "?error")
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/console/logout")
                    .logoutSuccessUrl(ConsoleSignInThrottle.PATH + "?signedOut")
                    .deleteCookies("JSESSIONID")
                    .permitAll())
        .authorizeHttpRequests(
            a ->
                // The sign-in page with any of its notices (?signedOut, ?passwordChanged).
                a.requestMatchers("/console/assets/**", ConsoleSignInThrottle.PATH)
                    .permitAll()
                    .anyRequest()
                    .hasRole(RecruiterAuthentication.ROLE))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

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
                        unauthorized(response, "Sign in with the link from your email first."),
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

  /** A 401 problem answer; {@code detail} is a constant sentence, never user input. */
  static void unauthorized(HttpServletResponse response, String detail) throws java.io.IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write(PROBLEM_401.formatted(detail));
  }
}

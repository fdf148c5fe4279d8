package com.hirepilot.app.auth;

import static com.hirepilot.app.auth.SecurityConfiguration.CONTENT_SECURITY_POLICY;

import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.throttle.Throttles;
import com.hirepilot.app.workspace.RecruiterDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The recruiters' console door: email and password, a session of its own, CSRF, and the password
 * encoder recruiters' passwords are checked and stored with.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

  /**
   * The console's session keeps its security context under its own key, so one browser can be a
   * recruiter in the console and a client in the portal without either replacing the other.
   */
  static final String CONSOLE_CONTEXT = "HIREPILOT_CONSOLE_SECURITY_CONTEXT";

  /** Bcrypt today, behind the delegating encoder's {@code {id}} prefix so it can change later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

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
}

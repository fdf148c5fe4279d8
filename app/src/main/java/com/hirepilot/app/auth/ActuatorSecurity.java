package com.hirepilot.app.auth;

import static com.hirepilot.app.auth.SecurityConfiguration.CONTENT_SECURITY_POLICY;

import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.RecruiterDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** The actuator's door, first of the doors {@link SecurityConfiguration} lists. */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

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
                    UnauthorizedAnswer.bearer("An admin recruiter's API token is required.")))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }
}

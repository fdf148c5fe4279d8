package com.hirepilot.app.auth;

import static com.hirepilot.app.auth.SecurityConfiguration.CONTENT_SECURITY_POLICY;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The email provider's door, for the one webhook a provider posts to. */
@Configuration(proxyBeanMethods = false)
class ProviderWebhookSecurity {

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
}

package com.hirepilot.app.workspace;

import com.hirepilot.app.system.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public brand addresses ({@link BrandController}) have a door of their own, ahead of the
 * portal's: open to anyone, read-only, and without the portal's CSRF cookie or session. An answer a
 * shared cache keeps for a year must not carry a {@code Set-Cookie} that it would then hand to
 * every client behind it.
 */
@Configuration(proxyBeanMethods = false)
class BrandSecurity {

  @Bean
  @Order(2)
  SecurityFilterChain brand(HttpSecurity http) throws Exception {
    return http.securityMatcher("/brand/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, "/brand/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/brand/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(csrf -> csrf.disable()) // nothing here changes anything
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c -> c.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)))
        .build();
  }
}

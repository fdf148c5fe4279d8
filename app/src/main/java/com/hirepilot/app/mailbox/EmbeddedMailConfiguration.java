package com.hirepilot.app.mailbox;

import com.hirepilot.app.system.PortalProperties;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Starts the in-process SMTP server and points the app's mail sender at it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@ConditionalOnProperty(name = "portal.mail.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedMailConfiguration {

  /** The mailbox shows email HTML in a frame of its own page, with scripts and plugins off. */
  private static final String MAILBOX_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtpServer(PortalProperties properties) {
    ServerSetup smtp = new ServerSetup(properties.mail().embeddedPort(), "127.0.0.1", "smtp");
    if (properties.mail().embeddedPort() == 0) {
      smtp = smtp.dynamicPort();
    }
    GreenMail server = new GreenMail(smtp);
    server.start();
    return server;
  }

  @Bean
  JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer, MailProperties mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    // The same timeouts as for a real server (spring.mail.properties).
    java.util.Properties timeouts = new java.util.Properties();
    timeouts.putAll(mail.getProperties());
    sender.setJavaMailProperties(timeouts);
    sender.setHost("127.0.0.1");
    sender.setPort(embeddedSmtpServer.getSmtp().getPort());
    return sender;
  }

  static boolean isLoopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Bean
  @Order(2)
  SecurityFilterChain mailbox(HttpSecurity http) throws Exception {
    return http.securityMatcher("/mailbox", "/mailbox/**")
        // Every email, sign-in links included, is on these pages: only this machine may look.
        .authorizeHttpRequests(
            a ->
                a.anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                isLoopback(context.getRequest().getRemoteAddr()))))
        .csrf(csrf -> csrf.disable()) // read-only pages
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(MAILBOX_POLICY))
                    .frameOptions(f -> f.sameOrigin()))
        .build();
  }
}

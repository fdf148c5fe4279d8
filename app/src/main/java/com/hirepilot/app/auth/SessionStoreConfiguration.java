package com.hirepilot.app.auth;

import com.hirepilot.app.system.ConditionalOnPostgres;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions in the database (Spring Session JDBC). Concurrent requests of one browser each add an
 * attribute their session lacks (the CSRF token of a console page opened in several tabs, say);
 * with Spring Session's plain {@code INSERT} all but the first would fail with a duplicate key and
 * answer 500. So the attribute write is an upsert on both databases.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

  /** How stale the stored last access of a session may be before a request stamps it again. */
  static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

  /**
   * What the session filter uses: the JDBC store Spring Boot configures, writing a request's last
   * access only once a minute ({@link SparseLastAccessSessions}). Wrapped after it is set up, so
   * Boot's configuration of it (table, timeout, clean-up, the upserts below) stays as it is.
   */
  @Bean
  static BeanPostProcessor sparseLastAccessSessions() {
    return new BeanPostProcessor() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcIndexedSessionRepository store) {
          return new SparseLastAccessSessions(
              (FindByIndexNameSessionRepository) store, LAST_ACCESS_GRANULARITY);
        }
        return bean;
      }
    };
  }

  /**
   * Around Spring Session's filter, so the session a request saves is what the filter's own check
   * after saving reads ({@link SparseLastAccessSessions#withinRequest}).
   */
  @Bean
  FilterRegistrationBean<Filter> sessionSavedInRequest() {
    Filter filter =
        (request, response, chain) ->
            SparseLastAccessSessions.withinRequest(() -> chain.doFilter(request, response));
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("sessionSavedInRequest");
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  @Bean
  @ConditionalOnPostgres
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionAttributesUpsert() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }

  /** H2's own upsert, with the parameters in the order Spring Session binds them. */
  @Bean
  @ConditionalOnPostgres(false)
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> h2SessionAttributesUpsert() {
    return repository ->
        repository.setCreateSessionAttributeQuery(
            """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """);
  }
}

package com.hirepilot.app.auth;

import com.hirepilot.app.system.ConditionalOnPostgres;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (Spring Session JDBC). Concurrent requests of one browser each add an
 * attribute their session lacks (the CSRF token of a console page opened in several tabs, say);
 * with Spring Session's plain {@code INSERT} all but the first would fail with a duplicate key and
 * answer 500. So the attribute write is an upsert on both databases.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

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

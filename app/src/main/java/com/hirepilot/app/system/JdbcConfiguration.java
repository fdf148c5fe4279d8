package com.hirepilot.app.system;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC without quoted identifiers: H2 folds unquoted names to upper case and PostgreSQL
 * to lower case, so one unquoted schema serves both.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

  @Bean
  @Override
  public JdbcMappingContext jdbcMappingContext(
      Optional<NamingStrategy> namingStrategy,
      JdbcCustomConversions customConversions,
      RelationalManagedTypes jdbcManagedTypes) {
    JdbcMappingContext context =
        super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
    context.setForceQuote(false);
    return context;
  }
}

package com.hirepilot.app.system;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the datasource URL names PostgreSQL (or not, with {@code value = false}). */
class OnPostgresCondition implements Condition {

  static boolean isPostgres(String datasourceUrl) {
    return datasourceUrl != null && datasourceUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnPostgres.class.getName());
    boolean wanted = attributes == null || (Boolean) attributes.get("value");
    return isPostgres(context.getEnvironment().getProperty("spring.datasource.url")) == wanted;
  }
}

package com.hirepilot.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean for the shared database only: with {@code spring.datasource.url} on PostgreSQL, several
 * instances may run side by side, so what they must agree on (files, live events, limits) lives in
 * the database. The embedded default (H2) is one instance and keeps those in its own process.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnPostgresCondition.class)
public @interface ConditionalOnPostgres {

  /** False turns the condition round: the bean is for the embedded database only. */
  boolean value() default true;
}

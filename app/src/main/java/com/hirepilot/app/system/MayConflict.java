package com.hirepilot.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation can answer 409 (it throws {@link ConflictException}): the API description lists
 * that answer, with the problem schema, without replacing what springdoc derives for the rest.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MayConflict {

  /** When it conflicts. */
  String value();
}

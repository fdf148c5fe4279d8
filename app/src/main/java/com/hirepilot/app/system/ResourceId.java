package com.hirepilot.app.system;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An ID in a recruiter-API path. IDs are opaque, but a value no ID can be (too long, or with
 * characters IDs never have) is refused up front with a 400 naming the path variable, before any
 * lookup: Spring MVC's method validation applies it wherever it annotates a parameter, and {@link
 * ProblemAnswers} turns the failure into the problem answer.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[A-Za-z0-9_-]{1,64}")
@ReportAsSingleViolation
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResourceId {

  String message() default "is not an ID (1 to 64 letters, digits, '-' or '_')";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}

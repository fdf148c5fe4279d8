package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.server.ResponseStatusException;

/**
 * The checks the desk's forms make before a service is called: the same limits the recruiter API's
 * request records declare, with messages a person can act on. Text passes the same gate as every
 * JSON body ({@link UserText}). A form bound with {@code @Valid} has its fields checked with {@link
 * #check} and {@link #checkEmail}, which register a problem as a field error; {@link #optional},
 * {@link #required} and {@link #email} give the cleaned text. A page that refuses such a form shows
 * {@link #firstProblem}.
 */
final class DeskForms {

  static final int TITLE_MAX = 200;
  static final int SHORT_MAX = 200;
  static final int LONG_MAX = 20_000;
  static final int EMAIL_MAX = 320;
  static final int COMMENT_MAX = 5_000;
  static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  private DeskForms() {}

  /** Cleaned text, or null when the field was left empty. */
  static String optional(String field, String label, String value, int max) {
    String clean = value == null ? null : UserText.clean(field, value).strip();
    if (clean == null || clean.isEmpty()) {
      return null;
    }
    if (clean.length() > max) {
      throw new InvalidInputException(
          field, label + " is too long (at most " + max + " characters)");
    }
    return clean;
  }

  static String required(String field, String label, String value, int max) {
    String clean = optional(field, label, value, max);
    if (clean == null) {
      throw new InvalidInputException(field, "enter the " + label);
    }
    return clean;
  }

  /** Why {@link UserText} refuses this text, if it does. */
  static Optional<String> textProblem(String field, String value) {
    try {
      UserText.clean(field, value);
      return Optional.empty();
    } catch (InvalidInputException e) {
      // UserText answers only by throwing; this is the one place a form turns that into an error.
      return Optional.of(e.getMessage());
    }
  }

  static String email(String field, String value) {
    String clean = required(field, "email address", value, EMAIL_MAX);
    if (!clean.matches(EMAIL_PATTERN)) {
      throw new InvalidInputException(field, "enter an email address like name@client.com");
    }
    return clean;
  }

  /** Registers text {@link UserText} refuses, if it does, as a field error with its message. */
  static void checkText(Errors errors, String field, String value) {
    textProblem(field, value).ifPresent(problem -> errors.rejectValue(field, "text", problem));
  }

  /**
   * Registers the field's problem, if it has one, as a field error: text {@link UserText} refuses,
   * text too long, or (when it is required) nothing typed. The messages are {@link #optional}'s and
   * {@link #required}'s.
   */
  static void check(
      Errors errors, String field, String label, String value, int max, boolean required) {
    Optional<String> problem = textProblem(field, value);
    if (problem.isPresent()) {
      errors.rejectValue(field, "text", problem.get());
      return;
    }
    String clean = value == null ? "" : UserText.clean(field, value).strip();
    if (clean.isEmpty()) {
      if (required) {
        errors.rejectValue(field, "required", "enter the " + label);
      }
      return;
    }
    if (clean.length() > max) {
      errors.rejectValue(field, "tooLong", label + " is too long (at most " + max + " characters)");
    }
  }

  /**
   * Registers the field's problem as an email address, if it has one, as {@link #email} words it.
   */
  static void checkEmail(Errors errors, String field, String value) {
    int before = errors.getFieldErrorCount(field);
    check(errors, field, "email address", value, EMAIL_MAX, true);
    if (errors.getFieldErrorCount(field) == before
        && !UserText.clean(field, value).strip().matches(EMAIL_PATTERN)) {
      errors.rejectValue(field, "email", "enter an email address like name@client.com");
    }
  }

  /** The one message a page shows for a form: the first problem found, in the form's order. */
  static String firstProblem(BindingResult result) {
    return result.getAllErrors().get(0).getDefaultMessage();
  }

  /**
   * Readies a page to be shown again for a refused form: 422, the first problem, and the panel that
   * holds the form, open. The form as typed is already in the model, under its binding's name.
   */
  static void showRefused(
      BindingResult result, String openPanel, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", firstProblem(result));
    model.addAttribute("openPanel", openPanel);
  }

  /**
   * A form the request could not be bound to at all (a value of the wrong type, which no page
   * sends, such as "maybe" for a checkbox or a role no select offers) is a bad request, as it was
   * when the fields were request parameters: not a form to show again with Spring's conversion
   * message. Binding makes the form even then, with the field it could not convert left empty, so
   * the form itself is no sign.
   */
  static void requireBound(BindingResult result) {
    if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
  }
}

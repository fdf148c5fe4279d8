package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskSubmissionsController.ResendForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a resend's message (with or without a new resume) before {@code RecruiterActions} is
 * called: optional, within the recruiter API's limit ({@link DeskForms}).
 */
final class ResendFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return ResendForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    ResendForm form = (ResendForm) target;
    DeskForms.check(errors, "message", "message", form.message(), DeskForms.LONG_MAX, false);
  }
}

package com.hirepilot.app.console;

import com.hirepilot.app.console.ConsoleAccountController.PasswordForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the password form before {@code RecruiterAccounts} is called: the new password typed twice
 * the same. Whether the current one is right, and the new one long enough, is the service's to say.
 */
final class PasswordFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return PasswordForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    PasswordForm form = (PasswordForm) target;
    if (!form.newPassword().equals(form.confirmPassword())) {
      errors.rejectValue("confirmPassword", "differs", "the two new passwords differ");
    }
  }
}

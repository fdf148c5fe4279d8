package com.hirepilot.app.console;

import com.hirepilot.app.console.ConsoleAccountController.TokenForm;
import com.hirepilot.app.system.UserText;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the new-token form before {@code RecruiterAccounts} is called: the token is named, in at
 * most {@value TokenForm#NAME_MAX} characters.
 */
final class TokenFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return TokenForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    TokenForm form = (TokenForm) target;
    if (DeskForms.textProblem("name", form.name()).isPresent()) {
      // Not this page's to show: the controller's UserText.clean refuses it, and the console
      // answers that on its page for bad input, as it did before this form had a validator.
      return;
    }
    String label = UserText.clean("name", form.name()).strip();
    if (label.isEmpty() || label.length() > TokenForm.NAME_MAX) {
      errors.rejectValue(
          "name",
          "required",
          "name the token (1–100 characters), e.g. the integration that uses it");
    }
  }
}

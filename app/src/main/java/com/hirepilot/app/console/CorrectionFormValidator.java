package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.CorrectionForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a collaborator's corrected address before {@code JobCollaborators} is called: an email
 * address is required ({@link DeskForms}).
 */
final class CorrectionFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return CorrectionForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    CorrectionForm form = (CorrectionForm) target;
    DeskForms.checkEmail(errors, "email", form.email());
  }
}

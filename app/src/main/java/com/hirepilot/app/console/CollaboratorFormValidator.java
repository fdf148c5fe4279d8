package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.CollaboratorForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the add-collaborator form before {@code JobCollaborators} is called: an email address is
 * required, the name optional ({@link DeskForms}). The first problem registered is the one the page
 * shows.
 */
final class CollaboratorFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return CollaboratorForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    CollaboratorForm form = (CollaboratorForm) target;
    DeskForms.checkEmail(errors, "email", form.email());
    DeskForms.check(errors, "name", "name", form.name(), DeskForms.SHORT_MAX, false);
  }
}

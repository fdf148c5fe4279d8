package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskSubmissionsController.AccessLinkForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the submission page's access-link form before {@code AccessLinkResends} is called: someone
 * must be chosen. Whether they are one of the job's collaborators is the service's to say.
 */
final class AccessLinkFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return AccessLinkForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    AccessLinkForm form = (AccessLinkForm) target;
    if (form.collaboratorId().isBlank()) {
      errors.rejectValue("collaboratorId", "required", "choose who gets the sign-in link");
    }
  }
}

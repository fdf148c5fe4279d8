package com.hirepilot.app.console;

import com.hirepilot.app.console.ConsoleGuestsController.GuestForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the add-guest form before {@code GuestService} is called: an email address, a name of at
 * most {@value DeskForms#SHORT_MAX} characters if one is given, and the client company. The first
 * problem registered is the one the page shows.
 */
final class GuestFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return GuestForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    GuestForm form = (GuestForm) target;
    // Every field passes UserText's gate before any is checked further, so the text it refuses is
    // what the page names, whichever field it is in.
    DeskForms.checkText(errors, "email", form.email());
    DeskForms.checkText(errors, "name", form.name());
    DeskForms.checkText(errors, "clientCompany", form.clientCompany());
    if (errors.hasErrors()) {
      return;
    }
    GuestForm clean = form.cleaned();
    if (!clean.email().matches(DeskForms.EMAIL_PATTERN)
        || clean.email().length() > DeskForms.EMAIL_MAX) {
      errors.rejectValue("email", "email", "enter an email address like name@client.com");
    }
    if (clean.name().length() > DeskForms.SHORT_MAX) {
      errors.rejectValue("name", "tooLong", "the name is longer than 200 characters");
    }
    if (clean.clientCompany().isEmpty() || clean.clientCompany().length() > DeskForms.SHORT_MAX) {
      errors.rejectValue("clientCompany", "required", "enter the client company");
    }
  }
}

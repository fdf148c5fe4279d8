package com.hirepilot.app.console;

import com.hirepilot.app.console.ConsoleAccountController.MemberForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the add-recruiter form before {@code RecruiterAccounts} is called: a name of at most
 * {@value DeskForms#SHORT_MAX} characters and an email address. Whether the address is already a
 * recruiter's is the service's to say. The first problem registered is the one the page shows.
 */
final class MemberFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return MemberForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    MemberForm form = (MemberForm) target;
    // Both fields pass UserText's gate before either is checked further, so the text it refuses is
    // what the page names, whichever field it is in.
    DeskForms.checkText(errors, "name", form.name());
    DeskForms.checkText(errors, "email", form.email());
    if (errors.hasErrors()) {
      return;
    }
    MemberForm clean = form.cleaned();
    if (clean.name().isEmpty() || clean.name().length() > DeskForms.SHORT_MAX) {
      errors.rejectValue("name", "required", "enter the recruiter's name");
    }
    if (!clean.email().matches(DeskForms.EMAIL_PATTERN)
        || clean.email().length() > DeskForms.EMAIL_MAX) {
      errors.rejectValue("email", "email", "enter an email address like name@agency.com");
    }
  }
}

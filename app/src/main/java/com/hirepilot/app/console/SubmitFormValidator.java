package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.SubmitForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the submit form before {@code SubmittingCandidates} is called: the message within the
 * recruiter API's limit, and between one and {@value #MOST_AT_ONCE} candidates picked. The first
 * problem registered is the one the page shows.
 */
final class SubmitFormValidator implements Validator {

  static final int MOST_AT_ONCE = 100;

  @Override
  public boolean supports(Class<?> type) {
    return SubmitForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    SubmitForm form = (SubmitForm) target;
    DeskForms.check(errors, "message", "message", form.message(), DeskForms.LONG_MAX, false);
    if (form.candidateIds().isEmpty()) {
      errors.rejectValue("candidateIds", "required", "pick at least one candidate to submit");
    } else if (form.candidateIds().size() > MOST_AT_ONCE) {
      errors.rejectValue("candidateIds", "tooMany", "submit at most 100 candidates at once");
    }
  }
}

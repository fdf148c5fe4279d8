package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskSubmissionsController.ReplyForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the reply form before {@code RecruiterActions} posts it: a reply is required, within a
 * comment's limit ({@link DeskForms}).
 */
final class ReplyFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return ReplyForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    ReplyForm form = (ReplyForm) target;
    DeskForms.check(errors, "body", "reply", form.body(), DeskForms.COMMENT_MAX, true);
  }
}

package com.hirepilot.app.console;

import com.hirepilot.app.console.ConsoleSettingsController.LogoForm;
import com.hirepilot.app.workspace.WorkspaceSettings;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks the logo upload before its bytes are read: a file is chosen, and it is no larger than
 * {@link WorkspaceSettings#MAX_LOGO_BYTES}. Whether it is a PNG or JPEG image is the service's to
 * say, from its content.
 */
final class LogoFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return LogoForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    MultipartFile file = ((LogoForm) target).file();
    if (file == null || file.isEmpty()) {
      errors.rejectValue("file", "required", "choose a PNG or JPEG file for the logo");
    } else if (file.getSize() > WorkspaceSettings.MAX_LOGO_BYTES) {
      errors.rejectValue("file", "tooLarge", "the logo may be at most 512 KB");
    }
  }
}

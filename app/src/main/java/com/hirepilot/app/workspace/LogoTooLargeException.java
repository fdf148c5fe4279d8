package com.hirepilot.app.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A logo over {@link WorkspaceSettings#MAX_LOGO_BYTES}: answered 413 like any too-large upload. */
class LogoTooLargeException extends ErrorResponseException {

  LogoTooLargeException() {
    super(HttpStatus.PAYLOAD_TOO_LARGE, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "A logo may be at most " + WorkspaceSettings.MAX_LOGO_BYTES / 1024 + " KB.");
    problem.setTitle("File too large");
    return problem;
  }
}

package com.hirepilot.app.system;

/**
 * The caller is known but their role does not allow this, e.g. a recruiter changing the workspace's
 * settings, which only its admins may do. Answered 403.
 */
@org.springframework.web.bind.annotation.ResponseStatus(
    org.springframework.http.HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}

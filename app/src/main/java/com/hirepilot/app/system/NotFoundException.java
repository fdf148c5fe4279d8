package com.hirepilot.app.system;

/**
 * An object that does not exist, or that the caller may not know exists: both answer 404, so a
 * foreign ID reveals nothing.
 */
@org.springframework.web.bind.annotation.ResponseStatus(
    org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}

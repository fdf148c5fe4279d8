package com.hirepilot.app.system;

/** A request that contradicts the current state, such as a second, different final decision. */
@org.springframework.web.bind.annotation.ResponseStatus(
    org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}

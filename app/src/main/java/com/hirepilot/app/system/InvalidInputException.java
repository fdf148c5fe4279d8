package com.hirepilot.app.system;

/** Well-formed input that names something unusable, answered 422 with the offending field. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

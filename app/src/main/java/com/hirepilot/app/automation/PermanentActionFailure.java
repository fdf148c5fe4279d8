package com.hirepilot.app.automation;

/** An action that no retry could make succeed; recorded as FAILED at once. */
public class PermanentActionFailure extends RuntimeException {

  public PermanentActionFailure(String message) {
    super(message);
  }
}

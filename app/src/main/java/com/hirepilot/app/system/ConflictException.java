package com.hirepilot.app.system;

import java.util.Map;

/** A request that contradicts the current state, such as a second, different final decision. */
@org.springframework.web.bind.annotation.ResponseStatus(
    org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

  private final Map<String, Object> properties;

  public ConflictException(String message) {
    this(message, Map.of());
  }

  /**
   * @param properties what the problem answer carries beside its detail, for clients that act on
   *     the conflict without parsing the message (such as the addresses to confirm first)
   */
  protected ConflictException(String message, Map<String, Object> properties) {
    super(message);
    this.properties = Map.copyOf(properties);
  }

  public Map<String, Object> properties() {
    return properties;
  }
}

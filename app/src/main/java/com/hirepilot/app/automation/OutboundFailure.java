package com.hirepilot.app.automation;

/**
 * An outbound call that failed in a way a later attempt may not: the receiver was down, slow, busy
 * (408, 429, 5xx) or unreachable. Temporal retries it with backoff; the message is what the run
 * records, so it says what the receiver said.
 */
class OutboundFailure extends RuntimeException {

  OutboundFailure(String message) {
    super(message);
  }

  OutboundFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

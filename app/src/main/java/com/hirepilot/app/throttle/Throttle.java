package com.hirepilot.app.throttle;

/** The things that are rate limited, each with its own buckets and its own setting. */
public enum Throttle {
  /** Sign-in links one email address may be sent; over it, requests are quietly dropped. */
  LINK_REQUESTS_PER_ADDRESS,
  /** Link requests from one IP, for any addresses. */
  LINK_REQUESTS_PER_IP,
  /** Sign-in attempts (links pressed, API sign-ins) from one IP. */
  SIGN_INS_PER_IP,
  /** Comments one collaborator may post. */
  COMMENTS_PER_CLIENT,
  /** Console password attempts from one IP, for any addresses. */
  CONSOLE_SIGN_INS_PER_IP,
  /**
   * Console password attempts for one address, from anywhere: what slows a guesser who spreads over
   * many IPs (NIST SP 800-63B 5.2.2, at most 100 failures without a stronger check).
   */
  CONSOLE_SIGN_INS_PER_ADDRESS;

  ThrottleProperties.Limit limitIn(ThrottleProperties properties) {
    return switch (this) {
      case LINK_REQUESTS_PER_ADDRESS -> properties.linkRequestsPerAddress();
      case LINK_REQUESTS_PER_IP -> properties.linkRequestsPerIp();
      case SIGN_INS_PER_IP -> properties.signInsPerIp();
      case COMMENTS_PER_CLIENT -> properties.commentsPerClient();
      case CONSOLE_SIGN_INS_PER_IP -> properties.consoleSignInsPerIp();
      case CONSOLE_SIGN_INS_PER_ADDRESS -> properties.consoleSignInsPerAddress();
    };
  }
}

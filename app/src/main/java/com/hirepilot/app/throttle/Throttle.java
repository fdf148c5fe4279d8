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
  COMMENTS_PER_CLIENT;

  ThrottleProperties.Limit limitIn(ThrottleProperties properties) {
    return switch (this) {
      case LINK_REQUESTS_PER_ADDRESS -> properties.linkRequestsPerAddress();
      case LINK_REQUESTS_PER_IP -> properties.linkRequestsPerIp();
      case SIGN_INS_PER_IP -> properties.signInsPerIp();
      case COMMENTS_PER_CLIENT -> properties.commentsPerClient();
    };
  }
}

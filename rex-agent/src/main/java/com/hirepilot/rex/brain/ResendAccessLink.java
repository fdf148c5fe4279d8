package com.hirepilot.rex.brain;

/**
 * A request for a fresh sign-in link: handled as an access problem (the address's memberships
 * decide which job the link is for), with nothing to diagnose unless the read shows a cause.
 */
final class ResendAccessLink extends AccessProblem {

  static final ResendAccessLink INSTANCE = new ResendAccessLink();
}

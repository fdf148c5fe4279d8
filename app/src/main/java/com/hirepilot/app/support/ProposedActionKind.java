package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.ProposedAction;

/**
 * One kind of action REX may propose. It is checked when proposed, so nobody is asked to confirm
 * what could not run, and run from what the check stored, once, when a person confirms it ({@link
 * ProposedActions} keeps the once).
 */
interface ProposedActionKind<A extends ProposedAction> {

  /** What the check found: the payload and summary to store, or why it is refused. */
  record Check(ObjectNode payload, String summary, String refusal) {

    static Check ready(ObjectNode payload, String summary) {
      return new Check(payload, summary, null);
    }

    static Check refused(String reason) {
      return new Check(null, null, reason);
    }

    boolean isRefused() {
      return refusal != null;
    }
  }

  /** What running it did, told to the person who confirmed it. */
  record Done(String detail, String ticketId) {}

  Check check(Caller caller, A action);

  Done run(Caller caller, String actionId, JsonNode payload);

  /** Who the audit trail names for an action a person confirmed through REX. */
  static String throughRex(Caller caller) {
    return caller.name() + " (through REX)";
  }

  /** Why nothing is resent to a flagged address, and the two ways to clear the flag. */
  static String flaggedReason(Collaborator c, AddressFlags.Flag flag) {
    return c.email()
        + " is flagged ("
        + flag.describe()
        + "), so nothing is sent to it. Confirm the address (POST /api/jobs/"
        + c.jobId()
        + "/collaborators/"
        + c.id()
        + "/address-confirmation) or correct it (PATCH the collaborator's email) first.";
  }
}

package com.hirepilot.app.automation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an event must match for a rule to fire; each part is optional, and a rule without any fires
 * on every event of its trigger.
 *
 * @param clientCompany equal to the job's client company, ignoring case and surrounding space
 * @param stage the candidate's pipeline stage for the job after the event
 * @param reasonContains a case-insensitive part of the client's decision reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleConditions(String jobId, String clientCompany, String stage, String reasonContains) {

  static final RuleConditions NONE = new RuleConditions(null, null, null, null);

  boolean none() {
    return jobId == null && clientCompany == null && stage == null && reasonContains == null;
  }
}

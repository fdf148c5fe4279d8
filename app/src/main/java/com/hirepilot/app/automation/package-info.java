/**
 * The workspace's automation rules: stored with their secrets encrypted, matched against lifecycle
 * events by {@link com.hirepilot.app.automation.RulesEngine}, and run as one Temporal workflow per
 * rule and event, whose actions the {@link com.hirepilot.app.automation.ActionPerformer} beans
 * carry out.
 */
package com.hirepilot.app.automation;

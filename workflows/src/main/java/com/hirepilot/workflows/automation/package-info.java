/**
 * An automation rule's run as Temporal executes it: one activity per action, each with its own
 * retries, so a failing receiver fails its action only.
 */
package com.hirepilot.workflows.automation;

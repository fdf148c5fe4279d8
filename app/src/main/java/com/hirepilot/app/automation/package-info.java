/**
 * The seam where the workspace's automation rules will run. Until the rules engine lands, lifecycle
 * events are handed to a port that records nothing and does nothing.
 */
package com.hirepilot.app.automation;

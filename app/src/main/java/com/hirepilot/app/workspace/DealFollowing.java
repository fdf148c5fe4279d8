package com.hirepilot.app.workspace;

/**
 * Where a client's decision moves the job's connected deal, as the workspace configures it: a deal
 * stage, or {@link #LEAVE} to leave the deal where it is.
 */
public record DealFollowing(String onInterview, String onApproval) {

  /** The setting that leaves the deal where it is. */
  public static final String LEAVE = "LEAVE";
}

package com.hirepilot.app.job;

import java.time.Instant;
import java.util.Map;

/**
 * A job in the workspace's list: what it is, how many of its submissions stand in each status (by
 * status name), and how many client people may review it.
 */
public record JobListing(
    String id,
    String title,
    String location,
    String clientCompany,
    boolean showDescriptionToClients,
    Instant createdAt,
    Map<String, Integer> submissionCounts,
    int activeCollaborators) {

  public int count(String status) {
    return submissionCounts.getOrDefault(status, 0);
  }

  public int submissionCount() {
    return submissionCounts.values().stream().mapToInt(Integer::intValue).sum();
  }
}

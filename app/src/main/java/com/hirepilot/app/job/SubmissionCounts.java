package com.hirepilot.app.job;

import java.util.Collection;
import java.util.Map;

/**
 * How many submissions each job has in each status, for the job list. Submissions live in the
 * submission feature, which depends on this one; it implements this so the list can show the counts
 * without this feature reading its table or a cycle between the two.
 */
public interface SubmissionCounts {

  /**
   * Each job's submission counts by status name, in one statement whatever the number of jobs, on
   * the caller's transaction. A job without submissions is left out.
   */
  Map<String, Map<String, Integer>> perStatus(Collection<String> jobIds);
}

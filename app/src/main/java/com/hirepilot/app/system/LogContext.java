package com.hirepilot.app.system;

import java.util.List;
import org.slf4j.MDC;

/**
 * The IDs a log line carries, as MDC fields (JSON logs show each as a field of its own): which
 * workspace, job, submission and workflow the work is for. IDs only; a token, link, address or
 * password never goes here.
 *
 * <p>Whoever learns an ID puts it; the edges of a unit of work ({@link RequestLogContext} for a web
 * request, {@link TemporalLogContext} for an activity) clear them all when it ends, so a pooled
 * thread never carries one unit's IDs into the next.
 */
public final class LogContext {

  public static final String WORKSPACE_ID = "workspaceId";
  public static final String JOB_ID = "jobId";
  public static final String SUBMISSION_ID = "submissionId";
  public static final String WORKFLOW_ID = "workflowId";

  private static final List<String> KEYS =
      List.of(WORKSPACE_ID, JOB_ID, SUBMISSION_ID, WORKFLOW_ID);

  private LogContext() {}

  /** Puts one ID; a null or blank value leaves the field as it was. */
  public static void put(String key, String id) {
    if (id != null && !id.isBlank()) {
      MDC.put(key, id);
    }
  }

  static void clear() {
    KEYS.forEach(MDC::remove);
  }
}

package com.hirepilot.app.system;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Gives an activity's log lines the ID of the workflow it works for (the feature's own code adds
 * the submission, job and workspace once it has loaded them), and clears every {@link LogContext}
 * field when the activity ends. The SDK adds its own {@code WorkflowId}, {@code ActivityType} and
 * friends to the MDC as well.
 */
class TemporalLogContext extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String workflowId;

      @Override
      public void init(ActivityExecutionContext context) {
        workflowId = context.getInfo().getWorkflowId();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        LogContext.put(LogContext.WORKFLOW_ID, workflowId);
        try {
          return super.execute(input);
        } finally {
          LogContext.clear();
        }
      }
    };
  }
}

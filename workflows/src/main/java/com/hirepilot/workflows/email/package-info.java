/**
 * Email delivery as Temporal runs it: one activity per message and recipient, retried with backoff
 * until it is sent or Temporal gives up. The application records every attempt.
 */
package com.hirepilot.workflows.email;

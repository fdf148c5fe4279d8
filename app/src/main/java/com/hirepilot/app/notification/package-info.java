/**
 * Outgoing email: every message is sent at most once under its idempotency key and leaves a
 * delivery record support can read.
 */
package com.hirepilot.app.notification;

/**
 * REX in the app: the support desk REX's tools read and act through, its conversation memory, the
 * actions people confirm, escalation tickets, and the chat endpoints and pages.
 */
package com.hirepilot.app.support;

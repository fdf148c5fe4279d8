/** The submission lifecycle. */
package com.hirepilot.workflows.submission;

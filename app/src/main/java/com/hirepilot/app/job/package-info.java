/**
 * Job REQs, their client collaborators, and each job's activity log. The recruiter API for them
 * lives here; what clients see of a job is built in {@code portal}.
 */
package com.hirepilot.app.job;

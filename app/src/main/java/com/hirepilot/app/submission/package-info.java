/**
 * Submissions: a candidate put in front of a job's client. Each runs as a {@code
 * SubmissionWorkflow}; this package starts them, answers their activities, carries client decisions
 * to them, and keeps the record the recruiter API and support read.
 */
package com.hirepilot.app.submission;

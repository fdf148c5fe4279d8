/**
 * Submissions: a candidate put in front of a job's client. Each runs as a {@code
 * SubmissionWorkflow}; this package starts them, answers their activities, carries client decisions
 * to them, and keeps the record the recruiter API and support read.
 *
 * <p>Its public types are the feature's API, what other features may use: {@link
 * SubmittingCandidates}, {@link RecruiterActions}, {@link ClientFeedback}, {@link
 * ClientVisibleSubmissions}, {@link SubmissionOverview}, {@link LiveSubmissionState} and the
 * records they answer with. Everything else is package-private here or lives in {@code
 * com.hirepilot.app.submission.internal}.
 */
package com.hirepilot.app.submission;

/**
 * The submission feature's workings that no other feature may use: the emails it composes (to the
 * client, to the recruiter, replies, comment notices, automation emails and their console samples),
 * the keys that make each step's writes idempotent ({@link StepKey}), the context a step works on
 * ({@link SubmissionContext}), the row and resume point read back from the database to resume a
 * workflow, the Temporal status search attribute, its metrics and the registration of its workers.
 *
 * <p>Types here are public only where the base package needs them; Spring Modulith ({@code
 * ModulesTests}) fails the build if another module reaches into this package. What other features
 * may use is in {@code com.hirepilot.app.submission}. The repositories and the classes that use
 * them directly (workflow starters, activity implementations, digests, progress) stay in the base
 * package, package-private: the API services read and write through the same repositories, and a
 * repository may be neither public nor split across packages ({@code FeatureBoundaryTests}).
 */
package com.hirepilot.app.submission.internal;

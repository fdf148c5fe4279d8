package com.hirepilot.workflows.submission;

import java.util.List;

/**
 * The recruiter sends the submission email again, for instance with a newer resume.
 *
 * @param attachmentIds the files to show from now on (already checked to be the candidate's), or
 *     null to keep the current ones
 * @param message a new submission message, or null to keep the current one
 */
public record Resend(
    String recruiterId, String actor, List<String> attachmentIds, String message) {}

package com.hirepilot.rex.tools;

import com.hirepilot.rex.tools.Findings.CollaboratorAccess;
import com.hirepilot.rex.tools.Findings.EmailDeliveries;
import com.hirepilot.rex.tools.Findings.Escalation;
import com.hirepilot.rex.tools.Findings.JobActivity;
import com.hirepilot.rex.tools.Findings.JobSubmissions;
import com.hirepilot.rex.tools.Findings.MyAccess;
import com.hirepilot.rex.tools.Findings.MyJobs;
import com.hirepilot.rex.tools.Findings.PortalStatus;
import com.hirepilot.rex.tools.Findings.Proposal;
import com.hirepilot.rex.tools.Findings.SubmissionAttachments;
import com.hirepilot.rex.tools.Findings.SubmissionState;
import com.hirepilot.rex.tools.Findings.SystemHealth;
import java.util.List;

/**
 * The port through which REX reads and acts on the product. The app implements it over its own
 * services; every method is scoped to the caller's workspace (and, for a client, to the jobs they
 * collaborate on), so a tool cannot reach further than its caller could.
 */
public interface SupportDesk {

  SubmissionState submissionState(Caller caller, String submissionId);

  /** The address's memberships in the caller's workspace, or on one job when {@code jobId} set. */
  CollaboratorAccess collaboratorAccess(Caller caller, String email, String jobId);

  JobSubmissions jobSubmissions(Caller caller, String jobId);

  /** The candidate's submissions in the caller's workspace; {@code found} false when none such. */
  Findings.CandidateSubmissions candidateSubmissions(Caller caller, String candidateId);

  EmailDeliveries emailDeliveries(Caller caller, String email);

  /**
   * The workspace's rules whose ID is, or whose name contains, {@code ruleNameOrId} (all when
   * null), with their latest runs (only those of {@code submissionId} when set). Never a secret.
   */
  Findings.AutomationRuns automationRuns(Caller caller, String ruleNameOrId, String submissionId);

  SubmissionAttachments submissionAttachments(Caller caller, String submissionId);

  JobActivity jobActivity(Caller caller, String jobId);

  SystemHealth systemHealth(Caller caller);

  MyAccess myAccess(Caller client);

  MyJobs myJobs(Caller client);

  PortalStatus portalStatus(Caller client);

  /** Records a proposed action for a person to confirm; nothing happens until they do. */
  Proposal propose(Caller caller, String conversationId, ProposedAction action);

  /**
   * Opens a ticket at once, without waiting for confirmation, but only while health reports a
   * system-wide failure: the one case where support must escalate immediately. At most one such
   * ticket per workspace and failure at a time.
   */
  Escalation escalateSystemWideFailure(Caller caller, String conversationId, String summary);

  /**
   * Text a client must never read in REX's answers (internal notes, candidates' contact details on
   * the client's jobs), for the final check of every answer to a client.
   */
  List<String> internalTextsFor(Caller client);
}

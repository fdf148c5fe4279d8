package com.hirepilot.app.support;

import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.ProposedAction;
import com.hirepilot.rex.tools.SupportDesk;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The app's side of REX's {@link SupportDesk} port, and the one bean {@link RexConfiguration} hands
 * to REX. It only delegates: a recruiter's reads to {@link RecruiterDeskReads} (the records),
 * {@link AccessDeskReads} (sign-in and email) and {@link OperationsDeskReads} (automation and
 * health), a client's to {@link ClientDeskReads}, proposals and escalations to {@link DeskActions}.
 * Each read opens its own read-only transaction there, so nothing here may be transactional (one
 * transaction per request).
 */
@Component
class AppSupportDesk implements SupportDesk {

  private final RecruiterDeskReads recruiterReads;
  private final AccessDeskReads accessReads;
  private final OperationsDeskReads operationsReads;
  private final ClientDeskReads clientReads;
  private final DeskActions actions;

  AppSupportDesk(
      RecruiterDeskReads recruiterReads,
      AccessDeskReads accessReads,
      OperationsDeskReads operationsReads,
      ClientDeskReads clientReads,
      DeskActions actions) {
    this.recruiterReads = recruiterReads;
    this.accessReads = accessReads;
    this.operationsReads = operationsReads;
    this.clientReads = clientReads;
    this.actions = actions;
  }

  // --- a recruiter's reads ---

  @Override
  public Findings.SubmissionState submissionState(Caller caller, String submissionId) {
    return recruiterReads.submissionState(caller, submissionId);
  }

  @Override
  public Findings.CollaboratorAccess collaboratorAccess(Caller caller, String email, String jobId) {
    return accessReads.collaboratorAccess(caller, email, jobId);
  }

  @Override
  public Findings.JobSubmissions jobSubmissions(Caller caller, String jobId) {
    return recruiterReads.jobSubmissions(caller, jobId);
  }

  @Override
  public Findings.CandidateSubmissions candidateSubmissions(Caller caller, String candidateId) {
    return recruiterReads.candidateSubmissions(caller, candidateId);
  }

  @Override
  public Findings.EmailDeliveries emailDeliveries(Caller caller, String email) {
    return accessReads.emailDeliveries(caller, email);
  }

  @Override
  public Findings.AutomationRuns automationRuns(
      Caller caller, String ruleNameOrId, String submissionId) {
    return operationsReads.automationRuns(caller, ruleNameOrId, submissionId);
  }

  @Override
  public Findings.SubmissionAttachments submissionAttachments(Caller caller, String submissionId) {
    return recruiterReads.submissionAttachments(caller, submissionId);
  }

  @Override
  public Findings.JobActivity jobActivity(Caller caller, String jobId) {
    return recruiterReads.jobActivity(caller, jobId);
  }

  @Override
  public Findings.SystemHealth systemHealth(Caller caller) {
    return operationsReads.systemHealth(caller);
  }

  // --- a client's reads ---

  @Override
  public Findings.MyAccess myAccess(Caller client) {
    return clientReads.myAccess(client);
  }

  @Override
  public Findings.MyJobs myJobs(Caller client) {
    return clientReads.myJobs(client);
  }

  @Override
  public Findings.PortalStatus portalStatus(Caller client) {
    return clientReads.portalStatus(client);
  }

  @Override
  public List<String> internalTextsFor(Caller client) {
    return clientReads.internalTextsFor(client);
  }

  // --- actions ---

  @Override
  public Findings.Proposal propose(Caller caller, String conversationId, ProposedAction action) {
    return actions.propose(caller, conversationId, action);
  }

  @Override
  public Findings.Escalation escalateSystemWideFailure(
      Caller caller, String conversationId, String summary) {
    return actions.escalateSystemWideFailure(caller, conversationId, summary);
  }
}

package com.hirepilot.rex.tools;

import com.hirepilot.rex.tools.Findings.CollaboratorAccess;
import com.hirepilot.rex.tools.Findings.EmailDeliveries;
import com.hirepilot.rex.tools.Findings.Escalation;
import com.hirepilot.rex.tools.Findings.JobActivity;
import com.hirepilot.rex.tools.Findings.JobSubmissions;
import com.hirepilot.rex.tools.Findings.Proposal;
import com.hirepilot.rex.tools.Findings.SubmissionAttachments;
import com.hirepilot.rex.tools.Findings.SubmissionState;
import com.hirepilot.rex.tools.Findings.SystemHealth;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;

/** The recruiter and support tool set: every read tool and every action, on one workspace. */
public final class RecruiterTools {

  private final SupportDesk desk;

  public RecruiterTools(SupportDesk desk) {
    this.desk = desk;
  }

  @Tool(
      "A submission's state: status, pipeline stage, decision, reminders, the live workflow's"
          + " answer, its emails and recent timeline.")
  public SubmissionState submissionState(
      @ToolMemoryId Conversation conversation, @P("the submission ID") String submissionId) {
    return desk.submissionState(conversation.caller(), submissionId);
  }

  @Tool(
      "Whether an email address is an active collaborator on the workspace's jobs (or on one"
          + " job), when their last sign-in link was sent and whether it is valid, used, expired"
          + " or revoked.")
  public CollaboratorAccess collaboratorAccess(
      @ToolMemoryId Conversation conversation,
      @P("the client's email address") String email,
      @P(value = "the job ID, to look at one job only", required = false) String jobId) {
    return desk.collaboratorAccess(conversation.caller(), email, jobId);
  }

  @Tool("The candidates submitted to a job, with their status and whether clients can see them.")
  public JobSubmissions jobSubmissions(
      @ToolMemoryId Conversation conversation, @P("the job ID") String jobId) {
    return desk.jobSubmissions(conversation.caller(), jobId);
  }

  @Tool(
      "A candidate's submissions in this workspace: each job, its status and whether clients can"
          + " see it.")
  public Findings.CandidateSubmissions candidateSubmissions(
      @ToolMemoryId Conversation conversation, @P("the candidate ID") String candidateId) {
    return desk.candidateSubmissions(conversation.caller(), candidateId);
  }

  @Tool("The email delivery log for an address: every email sent to it, with status and error.")
  public EmailDeliveries emailDeliveries(
      @ToolMemoryId Conversation conversation, @P("the email address") String email) {
    return desk.emailDeliveries(conversation.caller(), email);
  }

  @Tool(
      "The workspace's automation rules (all, or those whose name contains the words or whose ID"
          + " is given) with their latest runs: trigger, conditions, paused, the event each run"
          + " fired on, its outcome and each action's outcome, attempts and error. Use it when a"
          + " rule, webhook or Slack message did not fire or arrive.")
  public Findings.AutomationRuns automationRuns(
      @ToolMemoryId Conversation conversation,
      @P(value = "the rule's ID or part of its name", required = false) String ruleNameOrId,
      @P(value = "the submission ID, to see only runs for it", required = false)
          String submissionId) {
    return desk.automationRuns(conversation.caller(), ruleNameOrId, submissionId);
  }

  @Tool(
      "The files of a submission's candidate: version, public flag, size, type, whether the"
          + " submission shares it, and whether a newer resume is not shared yet.")
  public SubmissionAttachments submissionAttachments(
      @ToolMemoryId Conversation conversation, @P("the submission ID") String submissionId) {
    return desk.submissionAttachments(conversation.caller(), submissionId);
  }

  @Tool("A job's activity log, newest last, with which entries clients can see.")
  public JobActivity jobActivity(
      @ToolMemoryId Conversation conversation, @P("the job ID") String jobId) {
    return desk.jobActivity(conversation.caller(), jobId);
  }

  @Tool(
      "System health over the last minutes: magic-link failures, portal 5xx answers, email"
          + " failures and feedback errors, and whether any is system-wide.")
  public SystemHealth systemHealth(@ToolMemoryId Conversation conversation) {
    return desk.systemHealth(conversation.caller());
  }

  @Tool(
      "Propose emailing a fresh portal sign-in link to a collaborator of a job. Nothing is sent"
          + " until a person confirms.")
  public Proposal proposeAccessLinkResend(
      @ToolMemoryId Conversation conversation,
      @P("the job ID") String jobId,
      @P("the collaborator's email address") String email) {
    return desk.propose(
        conversation.caller(),
        conversation.id(),
        new ProposedAction.AccessLinkResend(jobId, email));
  }

  @Tool(
      "Propose sending a submission's email again, optionally sharing the candidate's newest"
          + " public version of each shared file (the newest resume, a public copy of a private"
          + " file). Nothing is sent until a person confirms.")
  public Proposal proposeSubmissionResend(
      @ToolMemoryId Conversation conversation,
      @P("the submission ID") String submissionId,
      @P(value = "share the newest public version of each file", required = false)
          Boolean withNewestFiles) {
    return desk.propose(
        conversation.caller(),
        conversation.id(),
        new ProposedAction.SubmissionResend(submissionId, Boolean.TRUE.equals(withNewestFiles)));
  }

  @Tool(
      "Propose opening an escalation ticket. Needs the job ID, the client's email, the error"
          + " message and browser details; ask the user for any that are missing. For a failure"
          + " the user reports across clients, set urgent: the ticket is then proposed at once"
          + " and missing fields are noted on it.")
  public Proposal proposeEscalation(
      @ToolMemoryId Conversation conversation,
      @P("the job REQ ID") String jobId,
      @P(value = "the candidate ID, when one is involved", required = false) String candidateId,
      @P("the client's email address") String clientEmail,
      @P(value = "the portal URL where it happened", required = false) String portalUrl,
      @P("the error message the user saw") String errorMessage,
      @P("browser and operating system") String browser,
      @P("one sentence on the problem") String summary,
      @P(value = "true for a failure reported across clients", required = false) Boolean urgent) {
    return desk.propose(
        conversation.caller(),
        conversation.id(),
        new ProposedAction.Escalation(
            jobId,
            candidateId,
            clientEmail,
            portalUrl,
            errorMessage,
            browser,
            summary,
            Boolean.TRUE.equals(urgent)));
  }

  @Tool(
      "Open an urgent ticket at once for a system-wide failure. Only works while systemHealth"
          + " reports one.")
  public Escalation escalateSystemWideFailure(
      @ToolMemoryId Conversation conversation, @P("what is failing") String summary) {
    return desk.escalateSystemWideFailure(conversation.caller(), conversation.id(), summary);
  }
}

package com.hirepilot.rex.tools;

import com.hirepilot.rex.tools.Findings.Escalation;
import com.hirepilot.rex.tools.Findings.MyAccess;
import com.hirepilot.rex.tools.Findings.MyJobs;
import com.hirepilot.rex.tools.Findings.PortalStatus;
import com.hirepilot.rex.tools.Findings.Proposal;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;

/**
 * The client tool set: the signed-in client's own access and the jobs they collaborate on, shown as
 * the portal shows them. No tool here returns internal data, names another person's address or
 * takes a job or address from the model: the caller is the only subject.
 */
public final class ClientTools {

  private final SupportDesk desk;

  public ClientTools(SupportDesk desk) {
    this.desk = desk;
  }

  @Tool("The signed-in client's own access: their jobs and their latest sign-in link.")
  public MyAccess myAccess(@ToolMemoryId Conversation conversation) {
    return desk.myAccess(conversation.caller());
  }

  @Tool(
      "The signed-in client's jobs and the candidates submitted to them, with status and the"
          + " files they can download.")
  public MyJobs myJobs(@ToolMemoryId Conversation conversation) {
    return desk.myJobs(conversation.caller());
  }

  @Tool("Whether the portal has a known problem affecting everyone right now.")
  public PortalStatus portalStatus(@ToolMemoryId Conversation conversation) {
    return desk.portalStatus(conversation.caller());
  }

  @Tool(
      "Propose emailing the signed-in client a fresh sign-in link, to their own address only."
          + " Nothing is sent until they confirm.")
  public Proposal proposeMyAccessLink(@ToolMemoryId Conversation conversation) {
    Caller me = conversation.caller();
    return desk.propose(
        me, conversation.id(), new ProposedAction.AccessLinkResend(null, me.email()));
  }

  @Tool(
      "Propose opening a support ticket for the signed-in client. Needs the error message and"
          + " browser details; ask for any that are missing. Set urgent when the portal fails for"
          + " the client in a way that looks like it fails for everyone.")
  public Proposal proposeEscalation(
      @ToolMemoryId Conversation conversation,
      @P(value = "the job ID, when one is involved", required = false) String jobId,
      @P(value = "the portal URL where it happened", required = false) String portalUrl,
      @P("the error message the client saw") String errorMessage,
      @P("browser and operating system") String browser,
      @P("one sentence on the problem") String summary,
      @P(value = "true for a failure that looks portal-wide", required = false) Boolean urgent) {
    Caller me = conversation.caller();
    return desk.propose(
        me,
        conversation.id(),
        new ProposedAction.Escalation(
            jobId,
            null,
            me.email(),
            portalUrl,
            errorMessage,
            browser,
            summary,
            Boolean.TRUE.equals(urgent)));
  }

  @Tool("Open an urgent ticket at once while portalStatus reports a problem affecting everyone.")
  public Escalation escalateSystemWideFailure(
      @ToolMemoryId Conversation conversation, @P("what is failing") String summary) {
    return desk.escalateSystemWideFailure(conversation.caller(), conversation.id(), summary);
  }
}

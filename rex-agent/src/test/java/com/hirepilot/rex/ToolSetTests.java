package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.tools.ClientTools;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.RecruiterTools;
import com.hirepilot.rex.tools.RoleTools;
import dev.langchain4j.agent.tool.Tool;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client tool set stays the client's: a tool added to it later that returns an internal record,
 * or takes an address or a record ID from the model, fails here first.
 */
class ToolSetTests {

  static final Set<Class<?>> CLIENT_SAFE =
      Set.of(
          Findings.MyAccess.class,
          Findings.MyJobs.class,
          Findings.PortalStatus.class,
          Findings.Proposal.class,
          Findings.Escalation.class);

  @Test
  void clientToolsReturnOnlyWhatThePortalShowsTheClient() {
    for (Method m : ClientTools.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Tool.class)) {
        assertThat(CLIENT_SAFE).as(m.getName()).contains(m.getReturnType());
        for (var p : m.getParameters()) {
          assertThat(p.getName().toLowerCase())
              .as("%s takes %s", m.getName(), p.getName())
              .doesNotContain("email")
              .doesNotContain("submissionid")
              .doesNotContain("candidateid");
        }
      }
    }
  }

  /** The client's tools, by name: what a client's conversation offers a model. */
  static final Set<String> CLIENT_TOOLS =
      Set.of(
          "myAccess",
          "myJobs",
          "portalStatus",
          "proposeMyAccessLink",
          "proposeEscalation",
          "escalateSystemWideFailure");

  static final Set<String> RECRUITER_READ_TOOLS =
      Set.of(
          "submissionState",
          "collaboratorAccess",
          "jobSubmissions",
          "emailDeliveries",
          "automationRuns",
          "submissionAttachments",
          "jobActivity",
          "systemHealth");

  @Test
  void theTwoSetsShareNoReadTool() {
    Set<String> client = RoleTools.namesOf(ClientTools.class);
    Set<String> recruiter = RoleTools.namesOf(RecruiterTools.class);
    assertThat(client).containsExactlyInAnyOrderElementsOf(CLIENT_TOOLS);
    assertThat(recruiter).containsAll(RECRUITER_READ_TOOLS);
    assertThat(client).doesNotContainAnyElementsOf(RECRUITER_READ_TOOLS);
  }
}

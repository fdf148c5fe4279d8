package com.hirepilot.rex.brain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.tools.Findings;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * REX without a language model, and the default. It sits behind the same {@link ChatModel} seam as
 * an LLM, so LangChain4j runs its tool calls and memory exactly as for one. Deterministic: it
 * recognises the support intent ({@link Understanding}), asks the tools in the order support would,
 * and composes the answer from the intent's documentation section, the findings and the support
 * scripts. When an identifier is missing it asks for it. It never calls a tool that the request did
 * not offer, so a client's conversation stays within the client tool set.
 */
public final class OfflineBrain implements ChatModel {

  /** How a response of this brain is recognised (the answer reports which brain spoke). */
  public static final String RESPONSE_ID = "rex-offline";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads tool results back into their records; a field added to a record later is no error. */
  private static final ObjectMapper READER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final KnowledgeBase knowledge;

  public OfflineBrain(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    Turn turn = Turn.of(request.messages());
    Set<String> offered =
        request.toolSpecifications() == null
            ? Set.of()
            : request.toolSpecifications().stream()
                .map(ToolSpecification::name)
                .collect(Collectors.toSet());
    Plan plan = new Plan(turn, offered);
    List<ToolExecutionRequest> calls = plan.nextCalls();
    AiMessage message =
        calls.isEmpty()
            ? AiMessage.from(new Composer(knowledge, turn).answer())
            : AiMessage.from(calls);
    return ChatResponse.builder().aiMessage(message).id(RESPONSE_ID).modelName("offline").build();
  }

  /**
   * One user turn: what was asked (with earlier messages of the same issue) and what tools said.
   */
  record Turn(
      boolean client,
      String question,
      Understanding understanding,
      List<String> documentation,
      Map<String, List<JsonNode>> results,
      int callsSoFar) {

    static Turn of(List<ChatMessage> messages) {
      String system = null;
      int last = -1;
      for (int i = 0; i < messages.size(); i++) {
        if (messages.get(i) instanceof SystemMessage s) {
          system = s.text();
        }
        if (messages.get(i) instanceof UserMessage) {
          last = i;
        }
      }
      if (last < 0) {
        return new Turn(true, "", Understanding.read(""), List.of(), Map.of(), 0);
      }
      String current = ((UserMessage) messages.get(last)).singleText();
      String question = Prompts.questionText(current);
      Understanding u = Understanding.read(question);
      for (int i = last - 1; i >= 0; i--) {
        if (messages.get(i) instanceof UserMessage earlier) {
          Understanding p = Understanding.read(Prompts.questionText(earlier.singleText()));
          if (u.intent() != null && p.intent() != null && p.intent() != u.intent()) {
            break;
          }
          u = u.orElse(p);
        }
      }
      List<String> documentation = Prompts.documentationRefs(current);
      if (u.intent() == null && question.trim().split("\\s+").length >= 4) {
        // No rule recognised the wording: the issue whose section ranks first for it, if any.
        Intent ranked = documentation.isEmpty() ? null : Intent.ofSection(documentation.get(0));
        if (ranked != null) {
          u = u.withIntent(ranked);
        }
      }
      Map<String, List<JsonNode>> results = new LinkedHashMap<>();
      int calls = 0;
      for (int i = last + 1; i < messages.size(); i++) {
        if (messages.get(i) instanceof ToolExecutionResultMessage r) {
          results.computeIfAbsent(r.toolName(), k -> new ArrayList<>()).add(parse(r.text()));
        }
        if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
          calls += ai.toolExecutionRequests().size();
        }
      }
      return new Turn(Prompts.fromClient(system), question, u, documentation, results, calls);
    }

    Intent intent() {
      return understanding.intent();
    }

    boolean asked(String tool) {
      return results.containsKey(tool);
    }

    JsonNode first(String tool) {
      List<JsonNode> found = results.get(tool);
      return found == null || found.isEmpty() ? JSON.nullNode() : found.get(0);
    }

    List<JsonNode> all(String tool) {
      return results.getOrDefault(tool, List.of());
    }

    /**
     * The tool's results as the {@code Findings} record it returns, so the brain reads the same
     * typed records the tools produce; a result of another shape (an error text) is left out.
     */
    <T> List<T> all(String tool, Class<T> type) {
      List<T> typed = new ArrayList<>();
      for (JsonNode result : all(tool)) {
        if (result.isObject()) {
          try {
            typed.add(READER.treeToValue(result, type));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            // Not this tool's record: nothing to read from it.
          }
        }
      }
      return typed;
    }

    <T> T first(String tool, Class<T> type) {
      List<T> typed = all(tool, type);
      return typed.isEmpty() ? null : typed.get(0);
    }

    private static JsonNode parse(String text) {
      try {
        return JSON.readTree(text);
      } catch (Exception e) {
        return JSON.getNodeFactory().textNode(text);
      }
    }
  }

  /** Which tools to call next, given what this turn has learnt so far. */
  static final class Plan {
    private final Turn turn;
    private final Set<String> offered;
    private final List<ToolExecutionRequest> calls = new ArrayList<>();

    Plan(Turn turn, Set<String> offered) {
      this.turn = turn;
      this.offered = offered;
    }

    List<ToolExecutionRequest> nextCalls() {
      if (turn.callsSoFar() > 12 || turn.intent() == null || turn.intent() == Intent.HOW_TO) {
        return calls;
      }
      if (turn.client()) {
        planForClient();
      } else {
        planForRecruiter();
      }
      return calls;
    }

    private void planForRecruiter() {
      Understanding u = turn.understanding();
      String email = u.email();
      switch (turn.intent()) {
        case ACCESS_PROBLEM, RESEND_ACCESS_LINK -> {
          if (email == null) {
            return;
          }
          if (readOnce("collaboratorAccess", args("email", email, "jobId", u.job()))) {
            return;
          }
          String job = activeJobOf(turn.first("collaboratorAccess"), u.job());
          if (job != null) {
            proposeOnce("proposeAccessLinkResend", args("jobId", job, "email", email));
          }
        }
        case NO_CANDIDATES -> {
          if (u.job() != null) {
            if (readOnce("jobSubmissions", args("jobId", u.job()))) {
              return;
            }
          } else {
            if (email == null
                || readOnce("collaboratorAccess", args("email", email, "jobId", null))) {
              return;
            }
            if (!turn.asked("jobSubmissions")) {
              for (JsonNode m : turn.first("collaboratorAccess").path("memberships")) {
                if ("ACTIVE".equals(m.path("status").asText()) && calls.size() < 3) {
                  call("jobSubmissions", args("jobId", m.path("jobId").asText()));
                }
              }
              return;
            }
          }
          // The job does show candidates: the client is looking in the wrong place or with the
          // wrong session. A fresh link opens the portal on their jobs, signed in as themselves.
          String job = jobShowingCandidates(turn.all("jobSubmissions"));
          if (email != null && job != null) {
            proposeOnce("proposeAccessLinkResend", args("jobId", job, "email", email));
          }
        }
        case OUTDATED_RESUME, ATTACHMENT_DOWNLOAD -> {
          String submission = u.submission();
          if (submission == null
              || readOnce("submissionAttachments", args("submissionId", submission))) {
            return;
          }
          if (turn.first("submissionAttachments").path("newerPublicFileNotShared").asBoolean()) {
            proposeOnce(
                "proposeSubmissionResend",
                args("submissionId", submission, "withNewestFiles", true));
          }
        }
        case BUTTONS_NOT_WORKING -> {
          boolean first = !turn.asked("systemHealth");
          if (first) {
            call("systemHealth", args());
            if (u.submission() != null) {
              call("submissionState", args("submissionId", u.submission()));
            }
            if (email != null) {
              call("collaboratorAccess", args("email", email, "jobId", u.job()));
            }
            return;
          }
          if (turn.first("systemHealth").path("systemWide").asBoolean()) {
            proposeOnce("escalateSystemWideFailure", args("summary", healthSummary()));
            return;
          }
          String job =
              email == null ? null : activeJobOf(turn.first("collaboratorAccess"), u.job());
          if (job != null && !decided(turn.first("submissionState"))) {
            proposeOnce("proposeAccessLinkResend", args("jobId", job, "email", email));
          }
        }
        case EMAIL_NOT_RECEIVED -> {
          if (email == null) {
            return;
          }
          if (!turn.asked("collaboratorAccess")) {
            call("collaboratorAccess", args("email", email, "jobId", u.job()));
            call("emailDeliveries", args("email", email));
            return;
          }
          Findings.EmailDeliveries log =
              turn.first("emailDeliveries", Findings.EmailDeliveries.class);
          if (log == null) {
            return;
          }
          DeliveryReading reading = DeliveryReading.of(log);
          String job = activeJobOf(turn.first("collaboratorAccess"), u.job());
          if (job == null) {
            return;
          }
          // Only where another message can arrive: never to a flagged address (it would bounce
          // again), never while the first is still on its way (it would arrive twice).
          String submission = reading.latestSubmission();
          if (reading.resendHelps() && submission != null) {
            proposeOnce(
                "proposeSubmissionResend",
                args("submissionId", submission, "withNewestFiles", false));
          } else if (reading.verdict() == DeliveryReading.Verdict.NOTHING_SENT
              || (reading.resendHelps() && submission == null)) {
            proposeOnce("proposeAccessLinkResend", args("jobId", job, "email", email));
          }
        }
        case AUTOMATION_NOT_FIRED ->
            // The run log of every rule, or of one submission when named: it says which rule
            // fired on which event and what the receiver answered, or that none matched.
            readOnce("automationRuns", args("submissionId", u.submissionId()));
        case SUBMISSION_STATUS -> {
          if (u.submission() != null) {
            readOnce("submissionState", args("submissionId", u.submission()));
          }
        }
        case RESEND_SUBMISSION -> {
          if (u.submission() == null
              || readOnce("submissionState", args("submissionId", u.submission()))) {
            return;
          }
          JsonNode state = turn.first("submissionState");
          if (state.path("found").asBoolean()) {
            proposeOnce(
                "proposeSubmissionResend",
                args("submissionId", u.submission(), "withNewestFiles", u.wantsLatestResume()));
          }
        }
        case JOB_ACTIVITY -> {
          if (u.job() != null) {
            readOnce("jobActivity", args("jobId", u.job()));
          }
        }
        case SYSTEM_WIDE_FAILURE -> {
          if (readOnce("systemHealth", args())) {
            return;
          }
          if (turn.first("systemHealth").path("systemWide").asBoolean()) {
            proposeOnce("escalateSystemWideFailure", args("summary", healthSummary()));
          }
        }
        case ESCALATE -> {
          List<String> missing = Composer.missingTicketFields(turn, false);
          if (missing.isEmpty()) {
            proposeOnce(
                "proposeEscalation",
                args(
                    "jobId", u.job(),
                    "candidateId", u.candidateId(),
                    "clientEmail", email,
                    "portalUrl", u.portalUrl(),
                    "errorMessage", u.errorMessage(),
                    "browser", u.browser(),
                    "summary", summaryOf(turn.question())));
          }
        }
        default -> {}
      }
    }

    private void planForClient() {
      Understanding u = turn.understanding();
      switch (turn.intent()) {
        case ACCESS_PROBLEM, RESEND_ACCESS_LINK, EMAIL_NOT_RECEIVED -> {
          if (!readOnce("myAccess", args())) {
            proposeOnce("proposeMyAccessLink", args());
          }
        }
        case NO_CANDIDATES,
            OUTDATED_RESUME,
            ATTACHMENT_DOWNLOAD,
            SUBMISSION_STATUS,
            JOB_ACTIVITY,
            RESEND_SUBMISSION ->
            readOnce("myJobs", args());
        case BUTTONS_NOT_WORKING -> {
          if (!turn.asked("myAccess")) {
            call("myAccess", args());
            call("portalStatus", args());
            return;
          }
          if (turn.first("portalStatus").path("systemWideProblem").asBoolean()) {
            proposeOnce(
                "escalateSystemWideFailure",
                args("summary", turn.first("portalStatus").path("summary").asText()));
          } else {
            proposeOnce("proposeMyAccessLink", args());
          }
        }
        case SYSTEM_WIDE_FAILURE -> {
          if (readOnce("portalStatus", args())) {
            return;
          }
          if (turn.first("portalStatus").path("systemWideProblem").asBoolean()) {
            proposeOnce(
                "escalateSystemWideFailure",
                args("summary", turn.first("portalStatus").path("summary").asText()));
          }
        }
        case ESCALATE -> {
          if (Composer.missingTicketFields(turn, true).isEmpty()) {
            proposeOnce(
                "proposeEscalation",
                args(
                    "jobId", u.job(),
                    "portalUrl", u.portalUrl(),
                    "errorMessage", u.errorMessage(),
                    "browser", u.browser(),
                    "summary", summaryOf(turn.question())));
          }
        }
        default -> {}
      }
    }

    /** Calls a read tool unless this turn already has its answer; true when it was called now. */
    private boolean readOnce(String tool, ObjectNode arguments) {
      if (turn.asked(tool)) {
        return false;
      }
      return call(tool, arguments);
    }

    private void proposeOnce(String tool, ObjectNode arguments) {
      if (!turn.asked(tool)) {
        call(tool, arguments);
      }
    }

    private boolean call(String tool, ObjectNode arguments) {
      if (!offered.contains(tool)) {
        return false;
      }
      calls.add(
          ToolExecutionRequest.builder()
              .id("offline-" + (turn.callsSoFar() + calls.size() + 1))
              .name(tool)
              .arguments(arguments.toString())
              .build());
      return true;
    }

    private String healthSummary() {
      JsonNode health = turn.first("systemHealth");
      List<String> failing = new ArrayList<>();
      for (JsonNode s : health.path("signals")) {
        if (s.path("systemWide").asBoolean()) {
          failing.add(
              Composer.signalName(s.path("name").asText())
                  + " ("
                  + s.path("failures").asLong()
                  + " of "
                  + s.path("attempts").asLong()
                  + ")");
        }
      }
      return "System-wide failure reported to REX: " + String.join(", ", failing) + ".";
    }
  }

  static String activeJobOf(JsonNode access, String preferred) {
    String only = null;
    int active = 0;
    for (JsonNode m : access.path("memberships")) {
      if ("ACTIVE".equals(m.path("status").asText())) {
        active++;
        String job = m.path("jobId").asText();
        if (job.equals(preferred)) {
          return job;
        }
        only = job;
      }
    }
    return active == 1 && preferred == null ? only : null;
  }

  /** The first of these jobs that shows candidates to an active collaborator, or null. */
  static String jobShowingCandidates(List<JsonNode> jobs) {
    for (JsonNode job : jobs) {
      boolean visible = false;
      for (JsonNode s : job.path("submissions")) {
        visible |= s.path("visibleToClients").asBoolean();
      }
      if (visible && job.path("activeCollaborators").asInt() > 0) {
        return job.path("jobId").asText();
      }
    }
    return null;
  }

  static boolean decided(JsonNode state) {
    String status = state.path("status").asText("");
    return status.equals("APPROVED") || status.equals("REJECTED") || status.equals("WITHDRAWN");
  }

  static String summaryOf(String question) {
    String flat = question.replaceAll("\\s+", " ").trim();
    return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
  }

  static ObjectNode args(Object... pairs) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      if (value == null) {
        continue;
      }
      if (value instanceof Boolean b) {
        node.put((String) pairs[i], b);
      } else {
        node.put((String) pairs[i], value.toString());
      }
    }
    return node;
  }

  /** The section an answer for this turn cites. */
  static Section sectionFor(KnowledgeBase knowledge, Turn turn) {
    Intent intent = turn.intent();
    if (intent != null && intent.section() != null) {
      return knowledge.find(intent.section()).orElse(null);
    }
    for (String ref : turn.documentation()) {
      var found = knowledge.find(ref);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }
}

package com.hirepilot.rex.brain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user turn as the offline brain sees it: who asks (as data, from the {@link RexRequest}), what
 * was asked (with the identifiers of earlier messages of the same issue), the documentation
 * retrieved for it, and what the tools have said so far.
 *
 * @param callsSoFar tool calls already made this turn; a bound on how long a plan may run
 */
record Turn(
    boolean client,
    String portalBaseUrl,
    String question,
    Understanding understanding,
    List<String> documentation,
    Evidence evidence,
    int callsSoFar) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Turn of(ChatRequest request) {
    // A request from outside REX carries no caller: treated as a client's, the narrower role.
    boolean client = RexRequest.of(request).map(r -> r.caller().isClient()).orElse(true);
    String portal = RexRequest.of(request).map(RexRequest::portalBaseUrl).orElse("");
    List<ChatMessage> messages = request.messages();
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) instanceof UserMessage) {
        last = i;
      }
    }
    if (last < 0) {
      return new Turn(
          client, portal, "", Understanding.read(""), List.of(), Evidence.of(List.of()), 0);
    }
    String current = ((UserMessage) messages.get(last)).singleText();
    String question = Prompts.questionText(current);
    Understanding u = Understanding.read(question);
    // Earlier messages of the same issue lend their identifiers (and their intent, when this
    // message has none): "it's sub …" answers the question asked a message before.
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
    return new Turn(
        client,
        portal,
        question,
        u,
        documentation,
        evidence(messages, last),
        calls(messages, last));
  }

  private static Evidence evidence(List<ChatMessage> messages, int last) {
    Map<String, ToolExecutionRequest> requests = new HashMap<>();
    List<Evidence.Read> reads = new ArrayList<>();
    for (int i = last + 1; i < messages.size(); i++) {
      if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        ai.toolExecutionRequests().forEach(r -> requests.put(r.id(), r));
      }
      if (messages.get(i) instanceof ToolExecutionResultMessage r) {
        ToolExecutionRequest asked = requests.get(r.id());
        JsonNode arguments = parse(asked == null ? "{}" : asked.arguments());
        reads.add(Evidence.decode(r.toolName(), arguments, parse(r.text())));
      }
    }
    return Evidence.of(reads);
  }

  private static int calls(List<ChatMessage> messages, int last) {
    int calls = 0;
    for (int i = last + 1; i < messages.size(); i++) {
      if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        calls += ai.toolExecutionRequests().size();
      }
    }
    return calls;
  }

  private static JsonNode parse(String text) {
    try {
      return text == null ? JSON.nullNode() : JSON.readTree(text);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  Intent intent() {
    return understanding.intent();
  }

  boolean asked(String tool) {
    return evidence.asked(tool);
  }
}

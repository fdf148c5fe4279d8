package com.hirepilot.rex.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * REX's answer, as {@code POST /api/rex/chat} returns it.
 *
 * @param brain which brain answered: {@code offline}, the LLM's name, or {@code offline-fallback}
 *     when the LLM failed and the offline brain stood in
 * @param escalation the ticket opened at once for a system-wide failure, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
    String conversationId,
    String answer,
    List<Source> sources,
    List<ToolCall> toolCalls,
    List<Action> proposedActions,
    Escalation escalation,
    String brain) {

  public record Source(String doc, String section) {}

  public record ToolCall(String tool, JsonNode arguments, JsonNode result) {}

  public record Action(String id, String kind, String summary) {}

  public record Escalation(String ticketId) {}
}

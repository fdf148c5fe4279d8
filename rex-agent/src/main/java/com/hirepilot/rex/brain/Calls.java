package com.hirepilot.rex.brain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tool calls a playbook asks for in one round. Only tools the request offered are called, so a
 * client's conversation stays within the client tool set whatever a playbook asks; a tool the turn
 * already asked is not asked again.
 */
final class Calls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Turn turn;
  private final Set<String> offered;
  private final List<ToolExecutionRequest> calls = new ArrayList<>();

  Calls(Turn turn, Set<String> offered) {
    this.turn = turn;
    this.offered = offered;
  }

  /** Calls a read tool unless this turn already has its answer; true when it is called now. */
  boolean read(String tool, ObjectNode arguments) {
    return !turn.asked(tool) && call(tool, arguments);
  }

  /** Proposes (or, for an escalation, performs) an action once per turn. */
  void act(String tool, ObjectNode arguments) {
    if (!turn.asked(tool)) {
      call(tool, arguments);
    }
  }

  /** Calls a tool, even one this turn asked before (with other arguments). */
  boolean call(String tool, ObjectNode arguments) {
    if (!offered.contains(tool) || planned(tool, arguments)) {
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

  /** Whether this round already calls the tool about this value of this argument. */
  boolean plannedAbout(String argument, String value) {
    return value != null
        && calls.stream()
            .anyMatch(
                c -> value.equalsIgnoreCase(parse(c.arguments()).path(argument).asText(null)));
  }

  boolean plans(String tool) {
    return calls.stream().anyMatch(c -> c.name().equals(tool));
  }

  List<ToolExecutionRequest> list() {
    return List.copyOf(calls);
  }

  private boolean planned(String tool, ObjectNode arguments) {
    String text = arguments.toString();
    return calls.stream().anyMatch(c -> c.name().equals(tool) && c.arguments().equals(text));
  }

  private static ObjectNode parse(String arguments) {
    try {
      return (ObjectNode) JSON.readTree(arguments);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  /** Tool arguments from name-value pairs; a null value is left out. */
  static ObjectNode args(Object... pairs) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      if (value instanceof Boolean b) {
        node.put((String) pairs[i], b);
      } else if (value != null) {
        node.put((String) pairs[i], value.toString());
      }
    }
    return node;
  }
}

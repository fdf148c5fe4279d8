package com.hirepilot.rex.brain;

import com.hirepilot.rex.knowledge.KnowledgeBase;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * REX without a language model, and the default. It sits behind the same {@link ChatModel} seam as
 * an LLM, so LangChain4j runs its tool calls and memory exactly as for one. Deterministic: it
 * recognises the issue ({@link Understanding}), runs the issue's {@link Playbook} round by round as
 * findings come in, reads every identifier the user gave ({@link Grounding}), and then lays out the
 * answer ({@link Composer}). It never calls a tool the request did not offer, so a client's
 * conversation stays within the client tool set.
 */
public final class OfflineBrain implements ChatModel {

  /** How a response of this brain is recognised (the answer reports which brain spoke). */
  public static final String RESPONSE_ID = "rex-offline";

  /** Tool calls one turn may make before the brain answers with what it has. */
  static final int MAX_CALLS_PER_TURN = 12;

  private final KnowledgeBase knowledge;

  public OfflineBrain(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * Reads the request as REX sent it: the default implementation would rebuild it and lose the
   * caller that a {@link RexRequest} carries.
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    return doChat(request);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    Turn turn = Turn.of(request);
    Set<String> offered =
        request.toolSpecifications() == null
            ? Set.of()
            : request.toolSpecifications().stream()
                .map(ToolSpecification::name)
                .collect(Collectors.toSet());
    Playbook playbook = Playbooks.of(turn.intent());
    List<ToolExecutionRequest> calls = plan(turn, playbook, offered);
    AiMessage message =
        calls.isEmpty()
            ? AiMessage.from(new Composer(knowledge, turn, playbook).answer())
            : AiMessage.from(calls);
    return ChatResponse.builder().aiMessage(message).id(RESPONSE_ID).modelName("offline").build();
  }

  /** This round's calls: the playbook's next step, and a read of each identifier not yet read. */
  static List<ToolExecutionRequest> plan(Turn turn, Playbook playbook, Set<String> offered) {
    Calls calls = new Calls(turn, offered);
    if (turn.callsSoFar() >= MAX_CALLS_PER_TURN) {
      return calls.list();
    }
    playbook.plan(turn, calls);
    Grounding.ground(turn, calls);
    return calls.list();
  }
}

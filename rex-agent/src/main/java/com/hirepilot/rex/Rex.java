package com.hirepilot.rex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.rex.answer.Answer;
import com.hirepilot.rex.answer.AnswerCheck;
import com.hirepilot.rex.brain.FallbackBrain;
import com.hirepilot.rex.brain.Prompts;
import com.hirepilot.rex.brain.RexRequest;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.retrieval.Retriever;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Conversation;
import com.hirepilot.rex.tools.RoleTools;
import com.hirepilot.rex.tools.SupportDesk;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import dev.langchain4j.service.tool.ToolExecution;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * REX: one LangChain4j assistant with the role's tools, the retrieved documentation and a persisted
 * memory per conversation, in front of whichever brain is configured. Every answer passes the
 * {@link AnswerCheck} before it leaves.
 */
public final class Rex {

  /** Messages kept per conversation: a support case, not a life story. */
  static final int MEMORY_MESSAGES = 30;

  static final int SOURCES = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String FALLBACK_NOTICE =
      "(The language model did not answer in time or sent a reply I could not use, so REX's"
          + " built-in offline mode answered instead.)";

  interface Assistant extends ChatMemoryAccess {
    Result<String> chat(
        @MemoryId Conversation conversation, @dev.langchain4j.service.UserMessage String message);
  }

  private final KnowledgeBase knowledge;
  private final Retriever retriever;
  private final SupportDesk desk;
  private final AnswerCheck check;
  private final Assistant assistant;
  private final String brainName;
  private final ReentrantLock[] conversationLocks = new ReentrantLock[64];
  private final TurnMemory memory;

  /**
   * @param brain the offline brain, or a {@link FallbackBrain} around an LLM
   * @param brainName how answers name the brain: {@code offline}, {@code openai}, {@code anthropic}
   * @param memory where conversations are kept; one that several app instances share must be a
   *     {@link SharedChatMemoryStore}, any other is changed under a lock of this process
   */
  public Rex(
      KnowledgeBase knowledge,
      Retriever retriever,
      ChatModel brain,
      String brainName,
      SupportDesk desk,
      ChatMemoryStore memory,
      String portalBaseUrl) {
    this.knowledge = knowledge;
    this.retriever = retriever;
    this.desk = desk;
    this.brainName = brainName;
    this.check = new AnswerCheck(portalBaseUrl);
    for (int i = 0; i < conversationLocks.length; i++) {
      conversationLocks[i] = new ReentrantLock();
    }
    this.memory = new TurnMemory(memory);
    this.assistant =
        AiServices.builder(Assistant.class)
            .chatModel(brain)
            .toolProvider(new RoleTools(desk))
            // The caller travels with each request as data: the offline brain reads the role there.
            .chatRequestTransformer(
                (request, id) ->
                    RexRequest.of(request, ((Conversation) id).caller(), portalBaseUrl))
            .systemMessageProvider(
                id -> Prompts.system(((Conversation) id).caller(), portalBaseUrl))
            .chatMemoryProvider(
                id ->
                    MessageWindowChatMemory.builder()
                        .id(id)
                        .maxMessages(MEMORY_MESSAGES)
                        .chatMemoryStore(this.memory)
                        .build())
            .maxSequentialToolsInvocations(8)
            // A model that names a tool its caller does not have (a client's LLM asking for a
            // recruiter tool, say) is told so and carries on; nothing runs.
            .hallucinatedToolNameStrategy(
                request ->
                    ToolExecutionResultMessage.from(
                        request,
                        "There is no tool called "
                            + request.name()
                            + " for this user. Use only the tools you were given."))
            .build();
  }

  /**
   * Answers one message of a conversation.
   *
   * <p>Its memory never loses a turn, on one instance or several. On this instance, messages of one
   * conversation are answered one at a time (a lock per conversation, in memory: it holds no
   * database connection while the model thinks, which can take 30 seconds). Across instances, a
   * turn runs on its own copy of the memory, read when it starts, and is added whole to the latest
   * memory when it ends, in one short atomic change of the shared store ({@link
   * SharedChatMemoryStore#change}). Two messages sent at once through two instances are then both
   * kept, one turn after the other; the second was answered without seeing the first, as it was
   * asked without seeing it. A lease taken for the whole turn would instead make the second wait,
   * or fail, for as long as the model takes.
   */
  public Answer ask(Caller caller, String conversationId, String message) {
    List<Section> documentation = retriever.search(message, SOURCES);
    Conversation conversation = new Conversation(conversationId, caller);
    ReentrantLock lock =
        conversationLocks[Math.floorMod(conversationId.hashCode(), conversationLocks.length)];
    Result<String> result;
    lock.lock();
    try {
      memory.begin(conversation);
      boolean answered = false;
      try {
        result = assistant.chat(conversation, Prompts.question(caller, message, documentation));
        answered = true;
      } finally {
        // The store holds the memory; the assistant's cache must not grow with every conversation.
        assistant.evictChatMemory(conversation);
        memory.end(conversation, answered);
      }
    } finally {
      lock.unlock();
    }
    boolean fellBack = fellBack(result);
    String text = result.content() == null ? "" : result.content();
    if (fellBack) {
      text = FALLBACK_NOTICE + "\n\n" + text;
    }
    List<String> internal = caller.isClient() ? desk.internalTextsFor(caller) : List.of();
    text = safe(caller, text, internal);

    List<Answer.ToolCall> calls = new ArrayList<>();
    List<Answer.Action> actions = new ArrayList<>();
    Answer.Escalation escalation = null;
    for (ToolExecution execution : result.toolExecutions()) {
      String name = execution.request().name();
      JsonNode resultJson = json(safe(caller, execution.result(), internal));
      calls.add(new Answer.ToolCall(name, json(execution.request().arguments()), resultJson));
      if (name.startsWith("propose") && resultJson.path("proposed").asBoolean()) {
        actions.add(
            new Answer.Action(
                resultJson.path("actionId").asText(),
                resultJson.path("kind").asText(),
                resultJson.path("summary").asText()));
      }
      if (name.equals("escalateSystemWideFailure") && resultJson.path("opened").asBoolean()) {
        escalation = new Answer.Escalation(resultJson.path("ticketId").asText());
      }
    }
    return new Answer(
        conversationId,
        text,
        sources(text, documentation),
        calls,
        actions,
        escalation,
        fellBack ? "offline-fallback" : brainName);
  }

  private String safe(Caller caller, String text, List<String> internal) {
    String linked = check.links(text);
    return caller.isClient() ? check.forClient(linked, caller.email(), internal) : linked;
  }

  private List<Answer.Source> sources(String text, List<Section> documentation) {
    List<Answer.Source> sources = new ArrayList<>();
    for (String ref : Prompts.citations(text)) {
      knowledge.find(ref).ifPresent(s -> sources.add(new Answer.Source(s.doc(), s.id())));
    }
    if (sources.isEmpty()) {
      documentation.forEach(s -> sources.add(new Answer.Source(s.doc(), s.id())));
    }
    return sources;
  }

  private static boolean fellBack(Result<String> result) {
    List<ChatResponse> responses = new ArrayList<>(result.intermediateResponses());
    responses.add(result.finalResponse());
    return responses.stream()
        .anyMatch(r -> r != null && FallbackBrain.FALLBACK_ID.equals(r.metadata().id()));
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}

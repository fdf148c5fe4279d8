package com.hirepilot.rex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.rex.answer.Answer;
import com.hirepilot.rex.answer.AnswerCheck;
import com.hirepilot.rex.brain.FallbackBrain;
import com.hirepilot.rex.brain.Prompts;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.retrieval.Retriever;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Conversation;
import com.hirepilot.rex.tools.RoleTools;
import com.hirepilot.rex.tools.SupportDesk;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
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

  /**
   * @param brain the offline brain, or a {@link FallbackBrain} around an LLM
   * @param brainName how answers name the brain: {@code offline}, {@code openai}, {@code anthropic}
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
    ChatMemoryStore compact = new CompactMemory(memory);
    this.assistant =
        AiServices.builder(Assistant.class)
            .chatModel(brain)
            .toolProvider(new RoleTools(desk))
            .systemMessageProvider(
                id -> Prompts.system(((Conversation) id).caller(), portalBaseUrl))
            .chatMemoryProvider(
                id ->
                    MessageWindowChatMemory.builder()
                        .id(id)
                        .maxMessages(MEMORY_MESSAGES)
                        .chatMemoryStore(compact)
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
   * Answers one message of a conversation. Messages of one conversation are answered one at a time,
   * so its memory never loses a turn to a concurrent one.
   */
  public Answer ask(Caller caller, String conversationId, String message) {
    List<Section> documentation = retriever.search(message, SOURCES);
    Conversation conversation = new Conversation(conversationId, caller);
    ReentrantLock lock =
        conversationLocks[Math.floorMod(conversationId.hashCode(), conversationLocks.length)];
    Result<String> result;
    lock.lock();
    try {
      result = assistant.chat(conversation, Prompts.question(caller, message, documentation));
    } finally {
      // The store holds the memory; the assistant's cache must not grow with every conversation.
      assistant.evictChatMemory(conversation);
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

  /** Keeps each question in memory without the documentation that was attached to it. */
  private record CompactMemory(ChatMemoryStore store) implements ChatMemoryStore {
    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
      return store.getMessages(memoryId);
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
      List<ChatMessage> compact = new ArrayList<>(messages.size());
      for (ChatMessage m : messages) {
        compact.add(
            m instanceof UserMessage u && u.hasSingleText()
                ? UserMessage.from(Prompts.withoutDocumentation(u.singleText()))
                : m);
      }
      store.updateMessages(memoryId, compact);
    }

    @Override
    public void deleteMessages(Object memoryId) {
      store.deleteMessages(memoryId);
    }
  }
}

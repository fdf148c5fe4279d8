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
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import dev.langchain4j.service.tool.ToolExecution;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

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
  private final SharedChatMemoryStore memory;

  /** The turn each conversation is answering on this instance, under its conversation lock. */
  private final Map<Object, Turn> turns = new ConcurrentHashMap<>();

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
    this.memory = shared(memory);
    ChatMemoryStore turnMemory = new TurnMemory();
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
                        .chatMemoryStore(turnMemory)
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
      Turn turn = new Turn(memory.getMessages(conversation));
      turns.put(conversation, turn);
      try {
        result = assistant.chat(conversation, Prompts.question(caller, message, documentation));
      } finally {
        // The store holds the memory; the assistant's cache must not grow with every conversation.
        assistant.evictChatMemory(conversation);
        turns.remove(conversation);
      }
      List<ChatMessage> added = turn.added();
      memory.change(conversation, latest -> window(conversation, latest, added));
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

  /** The latest memory with a turn's messages added, kept to the window as the assistant does. */
  private static List<ChatMessage> window(
      Object conversation, List<ChatMessage> latest, List<ChatMessage> added) {
    InMemoryChatMemoryStore scratch = new InMemoryChatMemoryStore();
    scratch.updateMessages(conversation, latest);
    ChatMemory window =
        MessageWindowChatMemory.builder()
            .id(conversation)
            .maxMessages(MEMORY_MESSAGES)
            .chatMemoryStore(scratch)
            .build();
    added.forEach(window::add);
    return window.messages();
  }

  /** Keeps each question in memory without the documentation that was attached to it. */
  private static List<ChatMessage> compact(List<ChatMessage> messages) {
    List<ChatMessage> compact = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      if (m instanceof UserMessage u && u.hasSingleText()) {
        String kept = Prompts.withoutDocumentation(u.singleText());
        // The same message when nothing was cut: a turn tells its own messages by identity.
        compact.add(kept.equals(u.singleText()) ? m : UserMessage.from(kept));
      } else {
        compact.add(m);
      }
    }
    return compact;
  }

  /** One answer in progress: the memory it started from, and the memory as it goes. */
  private static final class Turn {
    private final Set<ChatMessage> before = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile List<ChatMessage> messages;

    Turn(List<ChatMessage> start) {
      this.messages = List.copyOf(start);
      before.addAll(messages);
    }

    /**
     * The messages this turn added (the question, tool calls and results, the answer), the question
     * without its documentation.
     */
    List<ChatMessage> added() {
      return compact(messages.stream().filter(m -> !before.contains(m)).toList());
    }
  }

  /** The assistant's view of the memory: the turn in progress, compacted as it is written. */
  private final class TurnMemory implements ChatMemoryStore {
    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
      Turn turn = turns.get(memoryId);
      return turn != null ? turn.messages : memory.getMessages(memoryId);
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
      Turn turn = turns.get(memoryId);
      if (turn != null) {
        // The turn keeps its question's documentation until it ends: the brain reads it again
        // after each tool result (an intent that only retrieval recognised, the sections to
        // cite). The memory keeps the question without it (added()).
        turn.messages = List.copyOf(messages);
      } else {
        memory.change(memoryId, latest -> compact(messages));
      }
    }

    @Override
    public void deleteMessages(Object memoryId) {
      updateMessages(memoryId, List.of());
    }
  }

  /** A store that only this process uses: its changes are atomic under a lock of this process. */
  private static SharedChatMemoryStore shared(ChatMemoryStore store) {
    if (store instanceof SharedChatMemoryStore shared) {
      return shared;
    }
    return new SharedChatMemoryStore() {
      @Override
      public void change(Object memoryId, UnaryOperator<List<ChatMessage>> change) {
        synchronized (store) {
          store.updateMessages(memoryId, change.apply(store.getMessages(memoryId)));
        }
      }

      @Override
      public List<ChatMessage> getMessages(Object memoryId) {
        return store.getMessages(memoryId);
      }

      @Override
      public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        change(memoryId, latest -> messages);
      }

      @Override
      public void deleteMessages(Object memoryId) {
        change(memoryId, latest -> List.of());
      }
    };
  }
}

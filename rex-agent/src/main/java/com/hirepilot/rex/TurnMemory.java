package com.hirepilot.rex;

import com.hirepilot.rex.brain.Prompts;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The assistant's view of conversation memory. While a conversation's turn is being answered, the
 * assistant reads and writes the turn's own copy (taken when it began); when the turn ends, the
 * messages it added are appended to the latest stored memory in one atomic change, kept to the
 * window, each question without the documentation that was attached to it.
 */
final class TurnMemory implements ChatMemoryStore {

  private final SharedChatMemoryStore memory;

  /** The turn each conversation is answering on this instance, under its conversation lock. */
  private final Map<Object, Turn> turns = new ConcurrentHashMap<>();

  /**
   * @param memory where conversations are kept; one that several app instances share must be a
   *     {@link SharedChatMemoryStore}, any other is changed under a lock of this process
   */
  TurnMemory(ChatMemoryStore memory) {
    this.memory = shared(memory);
  }

  void begin(Object conversation) {
    turns.put(conversation, new Turn(memory.getMessages(conversation)));
  }

  /** Ends the turn; an answered turn's messages join the stored memory. */
  void end(Object conversation, boolean answered) {
    Turn turn = turns.remove(conversation);
    if (answered && turn != null) {
      List<ChatMessage> added = turn.added();
      memory.change(conversation, latest -> window(conversation, latest, added));
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
            .maxMessages(Rex.MEMORY_MESSAGES)
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

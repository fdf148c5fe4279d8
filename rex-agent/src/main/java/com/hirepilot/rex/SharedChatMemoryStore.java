package com.hirepilot.rex;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A conversation memory that several app instances share. REX answers a message on its own copy of
 * the conversation and adds the finished turn with {@link #change}, so two messages of one
 * conversation answered at once on two instances both end up in the memory, each turn whole.
 */
public interface SharedChatMemoryStore extends ChatMemoryStore {

  /**
   * Replaces the conversation's messages with what {@code change} makes of the latest ones, with no
   * other change to that conversation, from any instance, between the read and the write.
   */
  void change(Object memoryId, UnaryOperator<List<ChatMessage>> change);
}

package com.hirepilot.app.support;

import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Conversation;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * REX's conversation memory, in the database: it survives restarts and is shared by every app
 * instance. A conversation belongs to whoever started it; anybody else gets 404 for its ID.
 */
@Component
class RexConversations implements ChatMemoryStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  RexConversations(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Starts a conversation for the caller, or checks that the given one is theirs. */
  String open(Caller caller, String conversationId) {
    if (conversationId == null || conversationId.isBlank()) {
      String id = com.hirepilot.app.system.Ids.next();
      jdbc.sql(
              """
              insert into rex_conversation
                (id, workspace_id, owner_kind, owner_id, messages, updated_at)
              values (?, ?, ?, ?, '[]', ?)
              """)
          .params(
              id,
              caller.workspaceId(),
              caller.role().name(),
              caller.userId(),
              Timestamps.param(clock.instant()))
          .update();
      return id;
    }
    boolean owned =
        jdbc.sql(
                    """
                select count(*) from rex_conversation
                 where id = ? and workspace_id = ? and owner_kind = ? and owner_id = ?
                """)
                .params(conversationId, caller.workspaceId(), caller.role().name(), caller.userId())
                .query(Long.class)
                .single()
            > 0;
    if (!owned) {
      throw new NotFoundException("Conversation");
    }
    return conversationId;
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    return jdbc.sql("select messages from rex_conversation where id = ?")
        .param(idOf(memoryId))
        .query(String.class)
        .optional()
        .map(ChatMessageDeserializer::messagesFromJson)
        .orElseGet(List::of);
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    jdbc.sql("update rex_conversation set messages = ?, updated_at = ? where id = ?")
        .params(
            ChatMessageSerializer.messagesToJson(messages),
            Timestamps.param(clock.instant()),
            idOf(memoryId))
        .update();
  }

  @Override
  public void deleteMessages(Object memoryId) {
    jdbc.sql("update rex_conversation set messages = '[]' where id = ?")
        .param(idOf(memoryId))
        .update();
  }

  private static String idOf(Object memoryId) {
    return memoryId instanceof Conversation c ? c.id() : memoryId.toString();
  }
}

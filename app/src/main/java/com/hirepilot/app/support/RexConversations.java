package com.hirepilot.app.support;

import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.rex.SharedChatMemoryStore;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Conversation;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * REX's conversation memory, in the database: it survives restarts and is shared by every app
 * instance. A conversation belongs to whoever started it; anybody else gets 404 for its ID. REX
 * adds each answered turn with {@link #change}: the row is locked only for that read and write, so
 * two instances answering one conversation at once both keep their turn.
 */
@Component
class RexConversations implements SharedChatMemoryStore {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate transaction;

  RexConversations(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
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

  /**
   * Reads the latest messages with the row locked ({@code for update}), so a change from another
   * instance waits the few milliseconds until this one commits, then sees it.
   */
  @Override
  public void change(Object memoryId, UnaryOperator<List<ChatMessage>> change) {
    String id = idOf(memoryId);
    transaction.executeWithoutResult(
        status -> {
          List<ChatMessage> latest =
              jdbc.sql("select messages from rex_conversation where id = ? for update")
                  .param(id)
                  .query(String.class)
                  .optional()
                  .map(ChatMessageDeserializer::messagesFromJson)
                  .orElseGet(List::of);
          updateMessages(memoryId, change.apply(latest));
        });
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

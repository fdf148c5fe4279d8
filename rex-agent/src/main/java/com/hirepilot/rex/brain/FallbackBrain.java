package com.hirepilot.rex.brain;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM with the offline brain behind it. When the LLM fails (timeout, refused connection, an
 * error status, a reply that does not parse), the offline brain answers the same request from the
 * same messages and tool results, and the response says so by its ID.
 */
public final class FallbackBrain implements ChatModel {

  /** The ID of a response the offline brain gave because the LLM failed. */
  public static final String FALLBACK_ID = "rex-offline-fallback";

  private static final Logger log = LoggerFactory.getLogger(FallbackBrain.class);

  private final ChatModel llm;
  private final OfflineBrain offline;
  private final String name;

  public FallbackBrain(String name, ChatModel llm, OfflineBrain offline) {
    this.name = name;
    this.llm = llm;
    this.offline = offline;
  }

  public String name() {
    return name;
  }

  /**
   * After a failure the LLM is left alone this long: the rest of the conversation turn (each tool
   * round is another call) and the next users get the offline brain at once instead of waiting for
   * the same timeout again.
   */
  static final long PAUSE_AFTER_FAILURE_MILLIS = 30_000;

  private volatile long skipLlmUntil;

  /** Keeps REX's request whole for the offline brain (see {@link OfflineBrain#chat}). */
  @Override
  public ChatResponse chat(ChatRequest request) {
    return doChat(request);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    if (System.currentTimeMillis() < skipLlmUntil) {
      return offline(request);
    }
    try {
      ChatResponse response = llm.chat(request);
      if (response == null || response.aiMessage() == null) {
        throw new IllegalStateException("the model returned no message");
      }
      boolean empty =
          !response.aiMessage().hasToolExecutionRequests()
              && (response.aiMessage().text() == null || response.aiMessage().text().isBlank());
      if (empty) {
        throw new IllegalStateException("the model returned an empty message");
      }
      return response;
    } catch (RuntimeException e) {
      // The message only: an LLM client's exception can carry the request, and so the question.
      log.warn("REX's {} brain failed ({}); the offline brain answers", name, reason(e));
      skipLlmUntil = System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS;
      return offline(request);
    }
  }

  private ChatResponse offline(ChatRequest request) {
    ChatResponse offlineAnswer = offline.chat(request);
    return ChatResponse.builder()
        .aiMessage(offlineAnswer.aiMessage())
        .id(FALLBACK_ID)
        .modelName("offline")
        .build();
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}

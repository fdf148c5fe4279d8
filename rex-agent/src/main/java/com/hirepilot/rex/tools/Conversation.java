package com.hirepilot.rex.tools;

import java.util.Objects;

/**
 * The memory ID of one chat: the conversation's ID plus the caller it belongs to. Tools receive it
 * (LangChain4j's {@code @ToolMemoryId}), so every lookup is scoped to the caller without the model
 * ever naming a workspace. Equality is by ID alone, as memory lookups need.
 */
public record Conversation(String id, Caller caller) {

  @Override
  public boolean equals(Object other) {
    return other instanceof Conversation c && c.id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return id;
  }
}

package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Caller;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat request that carries who is asking and where the portal lives, as data: the offline brain
 * reads the caller's role here rather than from the wording of the system prompt. An LLM client
 * sees an ordinary request (it rebuilds it, and the extra fields fall away).
 */
public final class RexRequest extends ChatRequest {

  private final Caller caller;
  private final String portalBaseUrl;

  private RexRequest(ChatRequest request, Caller caller, String portalBaseUrl) {
    super(request.toBuilder());
    this.caller = Objects.requireNonNull(caller);
    this.portalBaseUrl = portalBaseUrl == null ? "" : portalBaseUrl;
  }

  public static ChatRequest of(ChatRequest request, Caller caller, String portalBaseUrl) {
    return new RexRequest(request, caller, portalBaseUrl);
  }

  /** The caller of a request REX made, or empty for a request from elsewhere. */
  static Optional<RexRequest> of(ChatRequest request) {
    return request instanceof RexRequest r ? Optional.of(r) : Optional.empty();
  }

  public Caller caller() {
    return caller;
  }

  public String portalBaseUrl() {
    return portalBaseUrl;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RexRequest r
        && super.equals(r)
        && caller.equals(r.caller)
        && portalBaseUrl.equals(r.portalBaseUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), caller, portalBaseUrl);
  }
}

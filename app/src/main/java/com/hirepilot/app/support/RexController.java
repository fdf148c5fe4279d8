package com.hirepilot.app.support;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.rex.Rex;
import com.hirepilot.rex.answer.Answer;
import com.hirepilot.rex.tools.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REX's API (api.md): chat, confirm a proposed action, and the workspace's tickets. */
@RestController
class RexController {

  static final int MAX_MESSAGE = 4000;

  record ChatRequest(String conversationId, String message) {}

  private final Rex rex;
  private final RexCallers callers;
  private final RexConversations conversations;
  private final ProposedActions actions;
  private final Tickets tickets;

  RexController(
      Rex rex,
      RexCallers callers,
      RexConversations conversations,
      ProposedActions actions,
      Tickets tickets) {
    this.rex = rex;
    this.callers = callers;
    this.conversations = conversations;
    this.actions = actions;
    this.tickets = tickets;
  }

  @PostMapping("/api/rex/chat")
  Answer chat(@RequestBody ChatRequest request) {
    Caller caller = callers.current();
    return ask(caller, request.conversationId(), request.message());
  }

  Answer ask(Caller caller, String conversationId, String message) {
    if (message == null || message.isBlank()) {
      throw new InvalidInputException("message", "must not be empty");
    }
    if (message.length() > MAX_MESSAGE) {
      throw new InvalidInputException("message", "must be at most " + MAX_MESSAGE + " characters");
    }
    String id = conversations.open(caller, conversationId);
    return rex.ask(caller, id, message.strip());
  }

  @PostMapping("/api/rex/actions/{actionId}/confirm")
  ProposedActions.Outcome confirm(@PathVariable String actionId) {
    return actions.confirm(callers.current(), actionId);
  }

  @GetMapping("/api/rex/tickets")
  List<Tickets.Ticket> tickets() {
    Caller caller = callers.current();
    if (caller.isClient()) {
      // Tickets carry other clients' addresses: the workspace's staff only.
      throw new NotFoundException("Tickets");
    }
    return tickets.ofWorkspace(caller.workspaceId());
  }
}

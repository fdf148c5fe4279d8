package com.hirepilot.app.support;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.rex.answer.Answer;
import com.hirepilot.rex.tools.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's Help page: REX for a signed-in client, as plain forms (works without JavaScript).
 * The recruiters' chat page is a static page over the same API ({@code /rex/}).
 */
@Controller
class RexPageController {

  private final RexController api;
  private final RexCallers callers;
  private final ProposedActions actions;

  private final AgencyBrands brands;

  RexPageController(
      RexController api, RexCallers callers, ProposedActions actions, AgencyBrands brands) {
    this.brands = brands;
    this.api = api;
    this.callers = callers;
    this.actions = actions;
  }

  /** The recruiters' chat: a static page over the API; the token stays in the browser tab. */
  @GetMapping({"/rex", "/rex/"})
  String recruiterChat() {
    return "forward:/rex/index.html";
  }

  @GetMapping("/portal/help")
  String page(Model model) {
    signedIn(model);
    return "support/help";
  }

  /** The client, checked against the database, and their name for the page's top bar. */
  private Caller signedIn(Model model) {
    Caller caller = callers.current();
    model.addAttribute("who", caller.name());
    model.addAttribute("brand", brands.of(caller.workspaceId()));
    return caller;
  }

  @PostMapping("/portal/help")
  String ask(
      @RequestParam(required = false) String conversationId,
      @RequestParam(required = false) String message,
      Model model) {
    Caller caller = signedIn(model);
    model.addAttribute("question", message);
    try {
      Answer answer = api.ask(caller, conversationId, message);
      model.addAttribute("answer", answer);
      model.addAttribute("conversationId", answer.conversationId());
    } catch (InvalidInputException e) {
      model.addAttribute("error", "Please type your question (at most 4,000 characters).");
      model.addAttribute("conversationId", conversationId);
    }
    return "support/help";
  }

  @PostMapping("/portal/help/actions/{actionId}/confirm")
  String confirm(
      @PathVariable String actionId,
      @RequestParam(required = false) String conversationId,
      Model model) {
    model.addAttribute("outcome", actions.confirm(signedIn(model), actionId));
    model.addAttribute("conversationId", conversationId);
    return "support/help";
  }
}

package com.hirepilot.app.console;

import com.hirepilot.app.support.RecruiterRex;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.rex.answer.Answer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * REX for the signed-in recruiter, as plain forms: ask, read the answer with its sources and tool
 * calls, confirm a proposed action. The conversation carries on through a hidden field. REX runs
 * with the recruiter tool set and the recruiter as caller, as {@code /api/rex/…} does for their
 * bearer token.
 */
@Controller
class ConsoleRexController {

  private final RecruiterRex rex;

  ConsoleRexController(RecruiterRex rex) {
    this.rex = rex;
  }

  @GetMapping("/console/rex")
  String page(@RequestParam(required = false) String conversationId, Model model) {
    model.addAttribute("conversationId", conversationId);
    model.addAttribute("maxMessage", RecruiterRex.maxMessage());
    return "console/rex";
  }

  @PostMapping("/console/rex")
  String ask(
      @RequestParam(required = false) String conversationId,
      @RequestParam(defaultValue = "") String message,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("maxMessage", RecruiterRex.maxMessage());
    model.addAttribute("question", message);
    try {
      Answer answer =
          rex.ask(
              CurrentRecruiter.get(),
              blankToNull(conversationId),
              UserText.clean("message", message));
      model.addAttribute("answer", answer);
      model.addAttribute("conversationId", answer.conversationId());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      // REX's own checks say "must not be empty"; the page says whose message that is.
      model.addAttribute(
          "error",
          e.getMessage().startsWith("must")
              ? new InvalidInputException("message", "Your message " + e.getMessage() + ".")
              : e);
      model.addAttribute("draft", message);
      model.addAttribute("conversationId", conversationId);
    }
    return "console/rex";
  }

  @PostMapping("/console/rex/actions/{actionId}/confirm")
  String confirm(
      @PathVariable String actionId,
      @RequestParam(required = false) String conversationId,
      RedirectAttributes redirect) {
    RecruiterRex.Confirmation done = rex.confirm(CurrentRecruiter.get(), actionId);
    if (done.done()) {
      redirect.addFlashAttribute("notice", "Done: " + done.detail());
    } else {
      redirect.addFlashAttribute("notDone", "Not done: " + done.detail());
    }
    if (done.ticketId() != null) {
      redirect.addFlashAttribute("ticketId", done.ticketId());
    }
    String id = blankToNull(conversationId);
    return "redirect:"
        + (id == null
            ? "/console/rex"
            : UriComponentsBuilder.fromPath("/console/rex")
                .queryParam("conversationId", id)
                .encode()
                .toUriString());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

package com.hirepilot.app.support;

import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.rex.answer.Answer;
import org.springframework.stereotype.Service;

/**
 * REX for the signed-in recruiter, as the console's chat page asks it: the same chat and confirm
 * paths as {@code /api/rex/…}, with the recruiter tool set and the recruiter as caller.
 */
@Service
public class RecruiterRex {

  /** What confirming a proposed action did. */
  public record Confirmation(String actionId, boolean done, String detail, String ticketId) {}

  private final RexController api;
  private final ProposedActions actions;

  RecruiterRex(RexController api, ProposedActions actions) {
    this.api = api;
    this.actions = actions;
  }

  /**
   * Asks REX, in the recruiter's conversation (a new one without an ID).
   *
   * @throws com.hirepilot.app.system.InvalidInputException for an empty or too long message
   * @throws com.hirepilot.app.system.NotFoundException for a conversation that is not theirs
   */
  public Answer ask(CurrentRecruiter recruiter, String conversationId, String message) {
    return api.ask(RexCallers.recruiter(recruiter), conversationId, message);
  }

  /** Runs one of the recruiter's proposed actions under their identity; a repeat runs nothing. */
  public Confirmation confirm(CurrentRecruiter recruiter, String actionId) {
    ProposedActions.Outcome outcome = actions.confirm(RexCallers.recruiter(recruiter), actionId);
    return new Confirmation(
        outcome.actionId(), "DONE".equals(outcome.status()), outcome.detail(), outcome.ticketId());
  }

  /** The longest message REX takes. */
  public static int maxMessage() {
    return RexController.MAX_MESSAGE;
  }
}

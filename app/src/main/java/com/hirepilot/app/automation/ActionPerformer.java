package com.hirepilot.app.automation;

/**
 * Performs the actions of one {@link ActionType}. Called once per attempt from a Temporal activity;
 * it must be idempotent under {@link ActionRun#deliveryId()} where its effect is in our database (a
 * stage, a task), and it carries that ID where the effect is elsewhere (a webhook).
 */
public interface ActionPerformer {

  ActionType type();

  /**
   * @throws PermanentActionFailure when no retry could succeed (a refused target, a 4xx answer
   *     other than 408 or 429); any other exception is retried with backoff
   */
  void perform(ActionRun run);

  /**
   * Checks an action's settings when a rule is saved, for what only this performer's feature knows
   * (a deal's stages).
   *
   * @param field the action's place in the rule, for the 422's field name
   * @throws com.hirepilot.app.system.InvalidInputException when a setting is unusable
   */
  default void validate(String field, RuleAction action) {}
}

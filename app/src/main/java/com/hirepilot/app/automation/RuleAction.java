package com.hirepilot.app.automation;

import java.util.Map;

/**
 * One action of a rule, as its performer gets it: secrets already decrypted, in memory only.
 *
 * @param settings the action's own values ({@code stage}, {@code to}, {@code url}, {@code secret},
 *     {@code title})
 */
public record RuleAction(ActionType type, Map<String, String> settings) {

  public RuleAction {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  public String setting(String name) {
    return settings.get(name);
  }
}

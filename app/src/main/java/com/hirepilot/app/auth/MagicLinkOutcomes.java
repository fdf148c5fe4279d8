package com.hirepilot.app.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The metric {@code hirepilot_magic_links_total}: what became of each sign-in link a client opened
 * and confirmed, by outcome. The token itself is never a tag.
 */
@Component
class MagicLinkOutcomes {

  enum Outcome {
    /** The link signed the client in. */
    SUCCESS,
    /** Its own signed-in client opened a used link again (back button, second tab): let back in. */
    REENTERED,
    /** Used already, by someone else or earlier. */
    USED,
    EXPIRED,
    /** The agency removed the collaborator. */
    REVOKED,
    /** No such link: mistyped, cut short, or made up. */
    INVALID
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  MagicLinkOutcomes(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder("hirepilot.magic.links")
              .description("Portal sign-in links confirmed by a client, by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  void count(Outcome outcome) {
    counters.get(outcome).increment();
  }

  /** The outcome of a refused link, from what the link is now. */
  static Outcome refused(LoginLinks.State state) {
    return switch (state) {
      case USED -> Outcome.USED;
      case EXPIRED -> Outcome.EXPIRED;
      case REVOKED -> Outcome.REVOKED;
      // VALID: a race with another use, or a collaborator no longer active; say invalid.
      case VALID, UNKNOWN -> Outcome.INVALID;
    };
  }
}

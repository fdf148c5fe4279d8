package com.hirepilot.app.support;

import com.hirepilot.app.notification.EmailSamples;
import java.time.Clock;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The escalation ticket's email for the console's preview: a made-up ticket, stored nowhere. */
@Component
@Order(3)
class TicketEmailSamples implements EmailSamples {

  private final Tickets tickets;
  private final Clock clock;

  TicketEmailSamples(Tickets tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  @Override
  public List<Sample> samples() {
    return List.of(
        new Sample(
            "support-ticket",
            "Support ticket",
            "Support team",
            "REX escalates a problem it cannot solve to the support address.",
            sender ->
                tickets.compose(
                    new Tickets.Ticket(
                        "sample",
                        sender.workspaceId(),
                        "sample-job",
                        null,
                        "casey.morgan@globex.example",
                        "https://portal.example/portal/submissions/sample",
                        "Sign-in link expired\n  at the access page, twice",
                        "Firefox 128 on Windows 11",
                        "Client cannot open the submission: every link says it expired",
                        false,
                        sender.recruiterName(),
                        clock.instant()))));
  }
}

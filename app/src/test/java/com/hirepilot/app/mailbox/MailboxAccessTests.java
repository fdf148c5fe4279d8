package com.hirepilot.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mailbox shows sign-in links, so only the machine itself may open it. */
class MailboxAccessTests {

  @Test
  void onlyLoopbackAddressesMayOpenTheMailbox() {
    assertThat(EmbeddedMailConfiguration.isLoopback("127.0.0.1")).isTrue();
    assertThat(EmbeddedMailConfiguration.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(EmbeddedMailConfiguration.isLoopback("192.0.2.10")).isFalse();
    assertThat(EmbeddedMailConfiguration.isLoopback("2001:db8::1")).isFalse();
  }

  @Test
  void theFramedEmailOpensLinksInTheWindowWithoutLeavingStandardsMode() {
    String framed =
        MailboxController.withTopTarget(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>x</body></html>");
    assertThat(framed).startsWith("<!DOCTYPE html>");
    assertThat(framed).contains("<head><base target=\"_top\"><meta charset");
    assertThat(MailboxController.withTopTarget("<p>bare</p>"))
        .isEqualTo("<base target=\"_top\"><p>bare</p>");
  }
}

package com.hirepilot.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.system.PortalProperties;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** security.md line 28: the embedded SMTP server, as the app configures it, is loopback only. */
class EmbeddedSmtpListensOnLoopbackTests {

  @Test
  void theEmbeddedSmtpServerAnswersOnLoopbackOnly() throws IOException {
    PortalProperties properties =
        new PortalProperties(
            null,
            null,
            null,
            null,
            new PortalProperties.Mail(true, "a@b.test", 0),
            null,
            null,
            null,
            null,
            null);
    GreenMail server = new EmbeddedMailConfiguration().embeddedSmtpServer(properties);
    try {
      int port = server.getSmtp().getPort();
      assertThat(InetAddress.getByName(server.getSmtp().getBindTo()).isLoopbackAddress()).isTrue();
      try (Socket local = new Socket()) {
        local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      }
      for (InetAddress other :
          NetworkInterface.networkInterfaces()
              .flatMap(NetworkInterface::inetAddresses)
              .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
              .toList()) {
        assertThatThrownBy(
                () -> {
                  try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(other, port), 2000);
                  }
                })
            .as("connecting on " + other.getHostAddress())
            .isInstanceOf(IOException.class);
      }
    } finally {
      server.stop();
    }
  }
}

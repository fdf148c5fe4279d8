package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * security.md line 28: the embedded Temporal server, whose gRPC has no authentication, listens on
 * loopback only. Read from the bound socket, and tried from this machine's other addresses.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class EmbeddedServersListenOnLoopbackTests {

  @Autowired TemporalConfiguration.EmbeddedTemporalServer temporal;

  @Test
  void theEmbeddedTemporalServerIsBoundToLoopbackAndUnreachableFromOtherAddresses()
      throws IOException {
    InetSocketAddress bound = temporal.address();
    assertThat(bound.getAddress().isLoopbackAddress()).as("bound to " + bound).isTrue();
    assertThat(bound.getPort()).isEqualTo(TestRuntime.h2().temporalPort);

    try (Socket local = new Socket()) {
      local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()), 2000);
      assertThat(local.isConnected()).isTrue();
    }
    List<InetAddress> others = nonLoopbackAddresses();
    // A machine with no other address has no network to expose the port to.
    for (InetAddress other : others) {
      assertThatThrownBy(
              () -> {
                try (Socket remote = new Socket()) {
                  remote.connect(new InetSocketAddress(other, bound.getPort()), 2000);
                }
              })
          .as("connecting on " + other.getHostAddress())
          .isInstanceOf(IOException.class);
    }
  }

  static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .toList();
  }
}

package com.hirepilot.app.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF policy of rules' webhooks, address by address. */
class OutboundTargetsTests {

  /** Names resolve as the map says; IP literals and anything else through the JVM. */
  private static OutboundTargets.Resolver dns(Map<String, List<String>> names) {
    return host -> {
      List<String> addresses = names.get(host);
      if (addresses == null) {
        return InetAddress.getAllByName(host);
      }
      InetAddress[] resolved = new InetAddress[addresses.size()];
      for (int i = 0; i < resolved.length; i++) {
        resolved[i] = InetAddress.getByName(addresses.get(i));
      }
      return resolved;
    };
  }

  private final OutboundTargets policy = new OutboundTargets(List.of(), InetAddress::getAllByName);

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1/x, loopback",
    "http://127.9.9.9/x, loopback",
    "http://0.0.0.0/x, wildcard",
    "http://0.1.2.3/x, this network",
    "http://10.0.0.1/x, private",
    "http://10.255.255.255/x, private",
    "http://172.16.0.1/x, private",
    "http://172.31.255.254/x, private",
    "http://192.168.1.1/x, private",
    "http://169.254.169.254/latest/meta-data, link-local",
    "http://100.64.0.1/x, carrier-grade NAT",
    "http://100.127.255.254/x, carrier-grade NAT",
    "http://224.0.0.1/x, multicast",
    "http://255.255.255.255/x, broadcast",
    "http://[::1]/x, loopback",
    "http://[::]/x, wildcard",
    "http://[fe80::1]/x, link-local",
    "http://[fc00::1]/x, unique-local",
    "http://[fd12:3456::1]/x, unique-local",
    "http://[ff02::1]/x, multicast",
    "http://[::ffff:10.0.0.1]/x, private",
    "http://[64:ff9b::a9fe:a9fe]/x, link-local",
    "https://localhost/x, loopback",
  })
  void refusesEveryAddressThatIsNotPublic(String url, String why) {
    assertThatThrownBy(() -> policy.check(url))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("Refused to call")
        .hasMessageContaining(why)
        .hasMessageContaining("portal.automation.allowed-hosts");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.215.14/hook",
        "https://8.8.8.8:8443/x?y=1",
        "http://172.32.0.1/x",
        "http://100.128.0.1/x",
        "http://[2606:4700:4700::1111]/x"
      })
  void letsPublicAddressesThrough(String url) {
    OutboundTargets.Target target = policy.check(url);
    assertThat(target.uri().toString()).isEqualTo(url);
    assertThat(OutboundTargets.refusal(target.address())).isNull();
  }

  @Test
  void aNameIsRefusedWhenAnyOfItsAddressesIsPrivate() {
    OutboundTargets targets =
        new OutboundTargets(
            List.of(),
            dns(
                Map.of(
                    "hooks.example.com", List.of("93.184.215.14"),
                    "mixed.example.com", List.of("93.184.215.14", "10.1.2.3"))));

    assertThat(targets.check("https://hooks.example.com/in").address().getHostAddress())
        .isEqualTo("93.184.215.14");
    assertThatThrownBy(() -> targets.check("https://mixed.example.com/in"))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("mixed.example.com")
        .hasMessageContaining("10.1.2.3");
  }

  @Test
  void anAllowedHostMayBePrivateAndIsMatchedAsWritten() {
    OutboundTargets targets =
        new OutboundTargets(
            List.of(" Hooks.Internal ", "127.0.0.1", "[::1]", ""),
            dns(Map.of("hooks.internal", List.of("10.0.0.7"))));

    assertThat(targets.check("http://hooks.internal:8080/x").address().getHostAddress())
        .isEqualTo("10.0.0.7");
    assertThat(targets.check("http://127.0.0.1:9/x").host()).isEqualTo("127.0.0.1");
    assertThat(targets.check("http://[::1]:9/x").host()).isEqualTo("::1");
    // localhost resolves to 127.0.0.1, but it is not the host the list names.
    assertThatThrownBy(() -> targets.check("http://localhost:9/x"))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://example.com/x | absolute http or https",
        "file:///etc/passwd | absolute http or https",
        "/relative/path | absolute http or https",
        "http://user:pass@example.com/x | user name or password",
        "http:///no-host | no valid host",
        "http://exa mple.com/ | not valid",
        "'' | no URL"
      })
  void refusesUrlsThatAreNotPlainHttp(String url, String why) {
    assertThatThrownBy(() -> policy.check(url))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining(why);
  }

  @Test
  void anUnresolvableHostIsRetriedNotRefused() {
    OutboundTargets targets =
        new OutboundTargets(
            List.of(),
            host -> {
              throw new UnknownHostException(host);
            });
    assertThatThrownBy(() -> targets.check("https://nowhere.example/x"))
        .isInstanceOf(OutboundFailure.class)
        .hasMessageContaining("Could not resolve nowhere.example");
  }
}

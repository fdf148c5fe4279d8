package com.hirepilot.app.automation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a rule's webhook may send the workspace's data: only to public hosts. A recruiter types the
 * URL, so without this guard a rule could make the portal call its own admin endpoints, the cloud
 * metadata service (169.254.169.254) or anything else on the private network (SSRF). Every address
 * the host resolves to is checked, so a name that answers with one public and one private address
 * is refused; the request then goes to the checked address ({@link OutboundHttp}).
 */
@Component
public class OutboundTargets {

  /** Resolves a host to all its addresses; the JVM's resolver in the app, a fake in tests. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A URL that passed the check.
   *
   * @param host the URL's host as written, without IPv6 brackets, lower case
   * @param address the checked address the request must go to
   */
  record Target(URI uri, String host, InetAddress address) {

    /** The scheme and host, for messages: the rest of a URL may be a secret (Slack's are). */
    String origin() {
      return uri.getScheme() + "://" + uri.getRawAuthority();
    }
  }

  private static final java.util.regex.Pattern IPV4_LITERAL =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final Set<String> allowedHosts;
  private final Resolver resolver;

  @Autowired
  OutboundTargets(OutboundProperties properties) {
    this(properties.allowedHosts(), InetAddress::getAllByName);
  }

  OutboundTargets(List<String> allowedHosts, Resolver resolver) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(String::trim)
            .filter(host -> !host.isEmpty())
            .map(OutboundTargets::bare)
            .collect(Collectors.toUnmodifiableSet());
    this.resolver = resolver;
  }

  /**
   * Checks the URL's form only, without resolving it: for validating a rule when it is saved.
   *
   * @throws PermanentActionFailure saying what is wrong with it
   */
  public URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new PermanentActionFailure("The action has no URL");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new PermanentActionFailure("The URL is not valid: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new PermanentActionFailure("The URL must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new PermanentActionFailure("The URL has no valid host");
    }
    // Credentials in the URL would be sent in the clear and shown wherever the rule is listed.
    if (uri.getRawUserInfo() != null) {
      throw new PermanentActionFailure("The URL must not carry a user name or password");
    }
    return uri;
  }

  /**
   * Checks the URL and resolves its host.
   *
   * @throws PermanentActionFailure for a malformed URL or a host that is not public and not allowed
   * @throws OutboundFailure when the host cannot be resolved now (DNS may answer later)
   */
  public Target check(String url) {
    URI uri = parse(url);
    String host = bare(uri.getHost());
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new OutboundFailure("Could not resolve " + host, e);
    }
    if (addresses.length == 0) {
      throw new OutboundFailure("Could not resolve " + host);
    }
    if (!allowedHosts.contains(host)) {
      for (InetAddress address : addresses) {
        String refusal = refusal(address);
        if (refusal != null) {
          throw new PermanentActionFailure(
              "Refused to call "
                  + host
                  + ": it resolves to "
                  + address.getHostAddress()
                  + ", a "
                  + refusal
                  + " address (add the host to portal.automation.allowed-hosts to allow it)");
        }
      }
    }
    return new Target(uri, host, addresses[0]);
  }

  /**
   * Why a URL whose host is written as an IP address may not be called, or null. Such a host needs
   * no lookup, so a private one is refused when the rule is saved instead of when it first fires. A
   * name is only checked when it is called: what it resolves to may change.
   */
  public String refusalOfAddressLiteral(URI uri) {
    String host = bare(uri.getHost());
    if (allowedHosts.contains(host)
        || !(IPV4_LITERAL.matcher(host).matches() || host.contains(":"))) {
      return null;
    }
    try {
      String why = refusal(InetAddress.getByName(host));
      return why == null
          ? null
          : host
              + ", a "
              + why
              + " address (add it to portal.automation.allowed-hosts to allow it)";
    } catch (UnknownHostException notAnAddress) {
      return null; // not a literal after all; checked when called, like any name
    }
  }

  /** Why the address is not public, or null when it is. */
  static String refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "wildcard";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      if (first == 0) {
        return "\"this network\" (0.0.0.0/8)";
      }
      if (first == 100 && (second & 0xC0) == 64) {
        return "carrier-grade NAT (100.64.0.0/10)";
      }
      if (first >= 240) {
        return "reserved or broadcast";
      }
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xFE) == 0xFC) {
        return "unique-local (fc00::/7)";
      }
      // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 address: judge that.
      boolean compatible = true;
      for (int i = 0; i < 12; i++) {
        compatible &= b[i] == 0;
      }
      boolean nat64 =
          (b[0] & 0xFF) == 0x00
              && (b[1] & 0xFF) == 0x64
              && (b[2] & 0xFF) == 0xFF
              && (b[3] & 0xFF) == 0x9B;
      for (int i = 4; nat64 && i < 12; i++) {
        nat64 = b[i] == 0;
      }
      if (compatible || nat64) {
        try {
          InetAddress embedded = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
          return refusal(embedded);
        } catch (UnknownHostException impossible) {
          return "unusable";
        }
      }
    }
    return null;
  }

  /** A host as compared with the allow-list: lower case, IPv6 literals without brackets. */
  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}

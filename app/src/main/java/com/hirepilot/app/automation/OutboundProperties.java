package com.hirepilot.app.automation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code portal.automation.*} settings of the outbound actions (WEBHOOK, SLACK).
 *
 * @param allowedHosts hosts a rule may reach although they are private, loopback or link-local,
 *     matched against the URL's host exactly as written (a name or an IP literal), not against what
 *     it resolves to
 * @param connectTimeout how long opening a connection to a receiver may take
 * @param readTimeout how long a receiver may take to answer once the request is sent
 */
@ConfigurationProperties("portal.automation")
record OutboundProperties(
    List<String> allowedHosts, Duration connectTimeout, Duration readTimeout) {

  OutboundProperties {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
  }
}

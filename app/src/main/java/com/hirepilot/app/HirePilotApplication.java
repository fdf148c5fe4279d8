package com.hirepilot.app;

import com.hirepilot.app.automation.OutboundHttp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Client Portal: recruiter API, client portal and the submission workflows' worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HirePilotApplication {

  public static void main(String[] args) {
    // Before anything loads java.net.http: automation's webhooks connect to the address they
    // checked and name the host in their own Host header (OutboundHttp).
    OutboundHttp.allowHostHeader();
    SpringApplication.run(HirePilotApplication.class, args);
  }
}

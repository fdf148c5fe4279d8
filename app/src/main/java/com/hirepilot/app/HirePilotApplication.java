package com.hirepilot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Client Portal: recruiter API, client portal and the submission workflows' worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HirePilotApplication {

  public static void main(String[] args) {
    SpringApplication.run(HirePilotApplication.class, args);
  }
}

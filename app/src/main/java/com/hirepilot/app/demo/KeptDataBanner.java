package com.hirepilot.app.demo;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.system.PortalProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The banner of every start after the first: the database kept its data, but the embedded mailbox
 * lives in memory and starts empty, so the demo email the first banner pointed to is gone, and the
 * recruiter's token, stored only as a hash, cannot be shown again. It says how to get a fresh
 * client link instead.
 */
@Component
class KeptDataBanner {

  private static final Logger log = LoggerFactory.getLogger(KeptDataBanner.class);

  private final JobCollaborators collaborators;
  private final PortalProperties properties;

  KeptDataBanner(JobCollaborators collaborators, PortalProperties properties) {
    this.collaborators = collaborators;
    this.properties = properties;
  }

  void print() {
    boolean embeddedMail = properties.mail().embedded();
    StartBanner banner =
        new StartBanner("HirePilot Client Portal is running, with the data of the previous run.");
    if (embeddedMail) {
      banner.step(
          "Mailbox (every email from now on lands here): " + properties.link("/mailbox"),
          "It starts empty on every start: the emails of earlier runs, the demo email among"
              + " them, are not kept.");
    }
    String landsIn = embeddedMail ? "the email lands in the mailbox" : "the email goes to them";
    // The demo data may have changed since: name the demo client only while she has access.
    List<Collaborator> demoClient = collaborators.activeByEmail(DemoData.DEMO_CLIENT_EMAIL);
    if (demoClient.isEmpty()) {
      banner.step(
          "Client portal: " + properties.link("/portal"),
          "A client gets a fresh sign-in link at "
              + properties.link("/portal/access")
              + "; "
              + landsIn
              + ".");
    } else {
      Collaborator casey = demoClient.get(0);
      banner.step(
          "A fresh sign-in link for "
              + casey.displayName()
              + ": "
              + properties.link("/portal/access"),
          "Enter " + casey.email() + " there; " + landsIn + ".",
          "Or send one as the recruiter:",
          "curl -X POST -H 'Authorization: Bearer <token>' "
              + properties.link(
                  "/api/jobs/" + casey.jobId() + "/collaborators/" + casey.id() + "/access-link"));
    }
    banner.step(
        "Recruiter console: "
            + properties.link("/console")
            + ", with the password shown on the first start (or PORTAL_BOOTSTRAP_PASSWORD)."
            + " Tokens are made and revoked there, under API tokens.");
    banner.step(
        "Recruiter API token: the one shown on the first start (or that start's"
            + " PORTAL_BOOTSTRAP_TOKEN). It is stored only as a hash and never shown again.");
    String dataDir = properties.dataDir().toAbsolutePath().normalize().toString();
    banner.note("Data directory: " + dataDir);
    banner.note("To start over with new demo data, stop the app and delete " + dataDir + ".");
    log.info(banner.toString());
  }
}

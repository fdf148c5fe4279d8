package com.hirepilot.app.console;

import com.hirepilot.app.notification.EmailSamples;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every email the portal sends, previewed with made-up data in the workspace's real brand and with
 * the signed-in recruiter as the sender: its subject, its HTML as a mail program shows it, and its
 * text part. The samples are built by the code that builds the real emails ({@link EmailSamples});
 * nothing is stored or sent.
 */
@Controller
class ConsoleEmailPreviewsController {

  /**
   * The email's HTML, framed by the preview page only: its inline styles and the agency's logo,
   * nothing else (no scripts, forms, plugins or other frames), in a sandbox of its own origin.
   */
  private static final String EMAIL_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: %s;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

  private final ObjectProvider<EmailSamples> samples;
  private final PortalProperties properties;

  ConsoleEmailPreviewsController(
      ObjectProvider<EmailSamples> samples, PortalProperties properties) {
    this.samples = samples;
    this.properties = properties;
  }

  /** One email as the preview page shows it. */
  record Preview(EmailSamples.Sample sample, OutgoingEmail email) {}

  @GetMapping("/console/emails")
  String list(Model model) {
    CurrentRecruiter.get();
    model.addAttribute("samples", all());
    return "console/emails";
  }

  @GetMapping("/console/emails/{name}")
  @Transactional(readOnly = true)
  String show(@PathVariable String name, Model model) {
    EmailSamples.Sample sample = sample(name);
    model.addAttribute("preview", new Preview(sample, build(sample)));
    return "console/email";
  }

  @GetMapping(path = "/console/emails/{name}/html", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  @Transactional(readOnly = true)
  ResponseEntity<String> html(@PathVariable String name) {
    OutgoingEmail email = build(sample(name));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header("Content-Security-Policy", EMAIL_POLICY.formatted(logoOrigin()))
        .header("X-Frame-Options", "SAMEORIGIN")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(email.html());
  }

  private List<EmailSamples.Sample> all() {
    return samples.orderedStream().flatMap(s -> s.samples().stream()).toList();
  }

  private EmailSamples.Sample sample(String name) {
    return all().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Email template " + name));
  }

  private static OutgoingEmail build(EmailSamples.Sample sample) {
    CurrentRecruiter me = CurrentRecruiter.get();
    return sample.build().apply(new EmailSamples.Sender(me.workspaceId(), me.name(), me.email()));
  }

  /**
   * Where the emails' images come from: the agency's logo is an absolute link on portal.base-url,
   * which may be another origin than the one the console is opened on.
   */
  private String logoOrigin() {
    URI base = URI.create(properties.link("/"));
    return base.getScheme() + "://" + base.getRawAuthority();
  }
}

package com.hirepilot.app.notification;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the HTML part of emails from {@code templates/mail/}. Thymeleaf escapes every value, so
 * text a client or recruiter typed comes out inert.
 */
@Component
public class MailTemplates {

  private final TemplateEngine engine;

  MailTemplates(TemplateEngine engine) {
    this.engine = engine;
  }

  public String html(String template, Map<String, Object> variables) {
    return engine.process("mail/" + template, new Context(null, variables));
  }
}

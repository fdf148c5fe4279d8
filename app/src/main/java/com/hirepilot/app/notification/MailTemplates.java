package com.hirepilot.app.notification;

import com.hirepilot.app.workspace.AgencyBrand;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the HTML part of emails from {@code templates/mail/}. Thymeleaf escapes every value, so
 * text a client or recruiter typed comes out inert.
 */
@Component
public class MailTemplates {

  /** A CSS hex colour, and nothing else: {@code #abc} or {@code #aabbcc}. */
  private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

  private final TemplateEngine engine;

  MailTemplates(TemplateEngine engine) {
    this.engine = engine;
  }

  public String html(String template, Map<String, Object> variables) {
    return engine.process("mail/" + template, new Context(null, variables));
  }

  /**
   * The agency's brand as the emails to its clients carry it. Its colour goes into style
   * attributes, where HTML escaping does not stop a stray {@code ;} or {@code url(...)}: the
   * settings accept only {@code #RRGGBB}, and anything else that reached this far gives the
   * default.
   */
  public static AgencyBrand forEmail(AgencyBrand brand) {
    if (brand == null) {
      return AgencyBrand.UNKNOWN;
    }
    String colour = brand.colour();
    return colour != null && HEX_COLOUR.matcher(colour).matches()
        ? brand
        : brand.withColour(AgencyBrand.DEFAULT_COLOUR);
  }
}

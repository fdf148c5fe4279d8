package com.hirepilot.app.notification;

import com.hirepilot.app.workspace.AgencyBrand;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders emails from the jte templates in {@code src/main/jte/notification/mail/}: the HTML part
 * from the template, and the text part from that HTML ({@link MailText}), so one template says
 * everything once. The templates are compiled in the build like the pages (ADR 0014) and rendered
 * by the same engine; jte escapes every value for where it lands, so text a client or recruiter
 * typed comes out inert.
 *
 * <p>A template is named without its folder and extension ({@code "submission"}), and the model's
 * entries are its {@code @param}s by name. The templates' classes sit in this feature's package
 * ({@code com.hirepilot.app.notification.mail}), so their parameters are plain values and the
 * public types of other features, never a caller's private records.
 */
@Component
public class MailTemplates {

  /** A CSS hex colour, and nothing else: {@code #abc} or {@code #aabbcc}. */
  private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

  private static final Pattern BLANK_LINE = Pattern.compile("\\R\\s*\\R");

  /** Where the emails' templates are under {@code src/main/jte}. */
  private static final String FOLDER = "notification/mail/";

  private final TemplateEngine engine;

  MailTemplates(TemplateEngine engine) {
    this.engine = engine;
  }

  /** An email's two bodies, from one template. */
  public record Rendered(String html, String text) {}

  public Rendered render(String template, Map<String, Object> variables) {
    String html = html(template, variables);
    return new Rendered(html, MailText.of(html));
  }

  public String html(String template, Map<String, Object> variables) {
    StringOutput html = new StringOutput();
    engine.render(FOLDER + template + ".jte", variables, html);
    return html.toString();
  }

  /**
   * What a person typed, for a template: paragraphs (split at blank lines) of lines, so a line
   * typed on its own stays on its own in both parts of the email. Empty for no text.
   */
  public static List<List<String>> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(BLANK_LINE.split(text.strip()))
        .map(paragraph -> paragraph.lines().map(String::strip).toList())
        .toList();
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

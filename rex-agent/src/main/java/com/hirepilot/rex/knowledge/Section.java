package com.hirepilot.rex.knowledge;

/**
 * One section of a support page: the unit REX retrieves and cites.
 *
 * @param doc the page's file name without {@code .md}, e.g. {@code troubleshooting}
 * @param id the section's anchor on that page, stable across rewording
 * @param title the section's heading
 * @param text the section's body, without the heading
 */
public record Section(String doc, String id, String title, String text) {

  /** How answers cite it: {@code doc#id}. */
  public String ref() {
    return doc + "#" + id;
  }

  /** The part under a bold or third-level heading that starts with {@code label}, or null. */
  public String part(String label) {
    String[] lines = text.split("\n");
    StringBuilder out = null;
    for (String line : lines) {
      String bare = line.replaceAll("^#+\\s*", "").replace("*", "").trim();
      boolean heading =
          line.startsWith("###")
              || (line.startsWith("**") && line.trim().endsWith("**"))
              || line.matches("^\\*\\*[^*]+\\*\\*:?.*");
      if (heading && out != null) {
        break;
      }
      if (heading && bare.toLowerCase().startsWith(label.toLowerCase())) {
        out = new StringBuilder();
        String rest =
            bare.substring(Math.min(bare.length(), label.length())).replaceFirst("^[:.]\\s*", "");
        if (!rest.isBlank()) {
          out.append(rest).append('\n');
        }
        continue;
      }
      if (out != null) {
        out.append(line).append('\n');
      }
    }
    return out == null || out.toString().isBlank() ? null : out.toString().trim();
  }

  /**
   * The body without the phrases a section opens with for retrieval ({@code "client can't log in",
   * "link expired", …}): they help find the section, not read it.
   */
  public String readable() {
    String body = text.strip();
    String stripped =
        body.replaceFirst(
            "^(?:[\"“][^\"”\\n]*(?:\\n[^\"”\\n]*)?[\"”](?:[,.?]|\\s+or\\b)?\\s*)+", "");
    return stripped.isBlank() ? body : stripped.strip();
  }

  /** The first paragraph of the body: what a short answer quotes. */
  public String lead() {
    for (String paragraph : readable().split("\n\\s*\n")) {
      String p = paragraph.trim();
      if (!p.isEmpty() && !p.startsWith("#") && !p.startsWith("|")) {
        return p;
      }
    }
    return text.trim();
  }
}

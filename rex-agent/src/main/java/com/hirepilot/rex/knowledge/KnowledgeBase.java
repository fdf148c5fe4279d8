package com.hirepilot.rex.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's support pages ({@code docs/support/*.md}, packed into the jar), split into sections
 * at each {@code <a id="…"></a>} anchor that precedes a {@code ##} heading. The anchor, not the
 * heading, is the section's identity: wording can change without breaking citations.
 */
public final class KnowledgeBase {

  /** The pages REX answers from, in the order a reader would meet them. */
  public static final List<String> PAGES =
      List.of(
          "client-portal",
          "troubleshooting",
          "submissions-and-feedback",
          "job-reqs",
          "candidates-and-drawer",
          "automation-engine",
          "email-delivery",
          "rex");

  private static final Pattern ANCHOR =
      Pattern.compile("^<a id=\"([a-z0-9-]+)\"></a>\\s*$", Pattern.MULTILINE);

  private final Map<String, Section> byRef;
  private final List<Section> ordered;

  private KnowledgeBase(List<Section> sections) {
    Map<String, Section> map = new LinkedHashMap<>();
    for (Section s : sections) {
      if (map.put(s.ref(), s) != null) {
        throw new IllegalStateException("Two sections are called " + s.ref());
      }
    }
    this.byRef = Map.copyOf(map);
    this.ordered = List.copyOf(sections);
  }

  /** The pages packed under {@code rex/knowledge/} on the class path. */
  public static KnowledgeBase fromClasspath() {
    List<Section> sections = new ArrayList<>();
    for (String page : PAGES) {
      String resource = "/rex/knowledge/" + page + ".md";
      try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing support page " + resource);
        }
        sections.addAll(parse(page, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new KnowledgeBase(sections);
  }

  public static KnowledgeBase of(List<Section> sections) {
    return new KnowledgeBase(sections);
  }

  /** Splits one page into its anchored sections. Text before the first anchor is the intro. */
  public static List<Section> parse(String doc, String markdown) {
    String text = markdown.replace("\r\n", "\n");
    List<Section> sections = new ArrayList<>();
    Matcher m = ANCHOR.matcher(text);
    List<int[]> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start(), m.end()});
      ids.add(m.group(1));
    }
    for (int i = 0; i < ids.size(); i++) {
      int bodyStart = starts.get(i)[1];
      int end = i + 1 < ids.size() ? starts.get(i + 1)[0] : text.length();
      String chunk = text.substring(bodyStart, end).trim();
      String title = ids.get(i);
      String body = chunk;
      if (chunk.startsWith("## ")) {
        int nl = chunk.indexOf('\n');
        title = (nl < 0 ? chunk : chunk.substring(0, nl)).substring(3).trim();
        body = nl < 0 ? "" : chunk.substring(nl + 1).trim();
      }
      sections.add(new Section(doc, ids.get(i), title, body));
    }
    return sections;
  }

  public List<Section> sections() {
    return ordered;
  }

  public Optional<Section> find(String ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  public Section get(String ref) {
    return find(ref).orElseThrow(() -> new IllegalArgumentException("No section " + ref));
  }
}

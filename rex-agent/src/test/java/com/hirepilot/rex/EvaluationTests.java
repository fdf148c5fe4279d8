package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.answer.Answer;
import com.hirepilot.rex.brain.Intent;
import com.hirepilot.rex.brain.Understanding;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.retrieval.Retriever;
import com.hirepilot.rex.tools.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The evaluation: every question of {@code eval/questions.tsv} (varied wording, with and without
 * IDs, recruiter and client) goes through the whole offline assistant. The build fails below 95%
 * tool-selection accuracy, 0.9 pass^4 (each question of a group asked four ways must choose the
 * same right tools and the same action) or below 0.9 retrieval hit@3 of the shipped ranking.
 *
 * <p>{@code eval/holdout.tsv} was written apart from the rules and the documentation and never used
 * to tune them; its numbers are reported beside the main table's, as the honest estimate for
 * wording nobody has seen. Both go to {@code target/rex-evaluation.md}.
 */
class EvaluationTests {

  /**
   * One question.
   *
   * @param expect optional checks of the answer itself: {@code +text} it must say, {@code -text} it
   *     must not say, {@code !tool} a tool (an action too) it must not call
   */
  record Case(
      Caller caller,
      String question,
      Intent intent,
      Set<String> tools,
      String section,
      List<String> expect,
      String group) {}

  /** One table's scores. */
  record Scores(
      int questions,
      Map<String, double[]> retrieval,
      double intent,
      double tools,
      double cited,
      int checked,
      double answers,
      int groups,
      double passK,
      List<String> misses,
      List<String> retrievalMisses) {}

  /** The main table: the tuned questions and the consistency set of four wordings each. */
  static List<Case> read() throws IOException {
    List<Case> all = new ArrayList<>(read("/eval/questions.tsv"));
    all.addAll(read("/eval/paraphrases.tsv"));
    return all;
  }

  static List<Case> read(String resource) throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = EvaluationTests.class.getResourceAsStream(resource)) {
      if (in == null) {
        return out;
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] f = lines[i].split("\t");
        Caller caller = f[0].equals("client") ? RexFixture.CLIENT : RexFixture.RECRUITER;
        Set<String> tools =
            f[3].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(f[3].split(",")));
        List<String> expect =
            f.length > 5 && !f[5].isBlank() ? List.of(f[5].trim().split(";")) : List.of();
        String group = f.length > 6 && !f[6].isBlank() ? f[6].trim() : null;
        out.add(
            new Case(caller, f[1], Intent.valueOf(f[2].trim()), tools, f[4].trim(), expect, group));
      }
    }
    return out;
  }

  @Test
  void theTableIsLargeAndVaried() throws IOException {
    List<Case> cases = read();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    for (Intent intent : Intent.values()) {
      assertThat(cases.stream().filter(c -> c.intent() == intent).count())
          .as("questions for %s", intent)
          .isGreaterThanOrEqualTo(4);
    }
    for (Case c : cases) {
      assertThat(RexFixture.KNOWLEDGE.find(c.section())).as(c.section()).isPresent();
    }
  }

  @Test
  void retrievalAndToolSelectionMeetTheBar() throws IOException {
    Scores main = score(read());
    List<Case> holdoutCases = read("/eval/holdout.tsv");
    Scores holdout = holdoutCases.isEmpty() ? null : score(holdoutCases);
    List<Case> secondHoldoutCases = read("/eval/holdout-2.tsv");
    Scores secondHoldout = secondHoldoutCases.isEmpty() ? null : score(secondHoldoutCases);

    StringBuilder report = new StringBuilder("# REX evaluation\n\n");
    report.append(
        table("Main table (eval/questions.tsv and eval/paraphrases.tsv, gates the build)", main));
    if (holdout != null) {
      report.append(table("Held-out table (eval/holdout.tsv, reported only)", holdout));
    }
    if (secondHoldout != null) {
      report.append(
          table("Second held-out table (eval/holdout-2.tsv, reported only)", secondHoldout));
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "rex-evaluation.md"), report.toString());
    System.out.println(report);

    assertThat(main.tools())
        .as("tool-selection accuracy; see target/rex-evaluation.md")
        .isGreaterThanOrEqualTo(0.95);
    assertThat(main.groups())
        .as("groups of four wordings in the main table")
        .isGreaterThanOrEqualTo(12);
    assertThat(main.passK())
        .as("pass^4 over the groups of four wordings; see target/rex-evaluation.md")
        .isGreaterThanOrEqualTo(0.9);
    assertThat(main.answers())
        .as("questions whose answer must say or avoid something; see target/rex-evaluation.md")
        .isEqualTo(1.0);
    assertThat(main.retrieval().get("fused (shipped)")[1])
        .as("retrieval hit@3 of the shipped ranking; see target/rex-evaluation.md")
        .isGreaterThanOrEqualTo(0.9);
  }

  static Scores score(List<Case> cases) {
    return score(cases, RexFixture.offline(new FakeDesk()));
  }

  /** The table's scores for this assistant (the offline one, or one with an LLM brain). */
  static Scores score(List<Case> cases, Rex rex) {
    Map<String, Retriever> rankings = new LinkedHashMap<>();
    rankings.put("embeddings", RexFixture.SEMANTIC);
    rankings.put("BM25", RexFixture.LEXICAL);
    rankings.put("fused (shipped)", RexFixture.FUSED);
    Map<String, double[]> retrieval = new LinkedHashMap<>();
    List<String> retrievalMisses = new ArrayList<>();
    for (var ranking : rankings.entrySet()) {
      int hit1 = 0;
      int hit3 = 0;
      for (Case c : cases) {
        List<String> top =
            ranking.getValue().search(c.question(), 3).stream().map(Section::ref).toList();
        hit1 += !top.isEmpty() && top.get(0).equals(c.section()) ? 1 : 0;
        hit3 += top.contains(c.section()) ? 1 : 0;
        if (ranking.getValue() == RexFixture.FUSED && !top.contains(c.section())) {
          retrievalMisses.add("| %s | %s | %s |".formatted(c.question(), c.section(), top));
        }
      }
      retrieval.put(
          ranking.getKey(),
          new double[] {hit1 / (double) cases.size(), hit3 / (double) cases.size()});
    }

    int intents = 0;
    int tools = 0;
    int cited = 0;
    int checked = 0;
    int answered = 0;
    List<String> misses = new ArrayList<>();
    // Per group of wordings: whether every wording chose the right tools, and the actions chosen.
    Map<String, Boolean> groupRight = new LinkedHashMap<>();
    Map<String, Set<Set<String>>> groupActions = new LinkedHashMap<>();
    int n = 0;
    for (Case c : cases) {
      Intent recognised = Understanding.read(c.question()).intent();
      recognised = recognised == null ? Intent.HOW_TO : recognised;
      intents += recognised == c.intent() ? 1 : 0;
      Answer answer = rex.ask(c.caller(), "eval-" + n++, c.question());
      Set<String> called = new TreeSet<>();
      Set<String> acted = new TreeSet<>();
      for (Answer.ToolCall call : answer.toolCalls()) {
        // Tool selection counts the checks; the action that follows depends on their findings.
        if (!call.tool().startsWith("propose") && !call.tool().startsWith("escalate")) {
          called.add(call.tool());
        } else {
          acted.add(call.tool());
        }
      }
      boolean toolsRight = called.equals(c.tools());
      if (c.group() != null) {
        groupRight.merge(c.group(), toolsRight, Boolean::logicalAnd);
        groupActions.computeIfAbsent(c.group(), g -> new java.util.HashSet<>()).add(acted);
      }
      tools += toolsRight ? 1 : 0;
      String source =
          answer.sources().isEmpty()
              ? ""
              : answer.sources().get(0).doc() + "#" + answer.sources().get(0).section();
      cited += source.equals(c.section()) ? 1 : 0;
      List<String> failedChecks = failedChecks(c, answer);
      if (!c.expect().isEmpty()) {
        checked++;
        answered += failedChecks.isEmpty() ? 1 : 0;
      }
      if (!failedChecks.isEmpty()) {
        misses.add(
            "| %s | %s | answer checks failed: %s | | |"
                .formatted(c.caller().role(), c.question(), failedChecks));
      }
      if (!toolsRight || recognised != c.intent() || !source.equals(c.section())) {
        misses.add(
            "| %s | %s | %s → %s | %s → %s | %s → %s |"
                .formatted(
                    c.caller().role(),
                    c.question(),
                    c.intent(),
                    recognised,
                    c.tools(),
                    called,
                    c.section(),
                    source));
      }
    }
    double size = cases.size();
    // pass^k, as tau-bench counts it: a group passes only when every wording chose the right
    // tools and all of them the same action.
    long passed =
        groupRight.entrySet().stream()
            .filter(e -> e.getValue() && groupActions.get(e.getKey()).size() == 1)
            .count();
    groupRight.forEach(
        (g, right) -> {
          if (!right || groupActions.get(g).size() != 1) {
            misses.add(
                "| group | %s | inconsistent: tools right in all = %s, actions %s | | |"
                    .formatted(g, right, groupActions.get(g)));
          }
        });
    return new Scores(
        cases.size(),
        retrieval,
        intents / size,
        tools / size,
        cited / size,
        checked,
        checked == 0 ? 1.0 : answered / (double) checked,
        groupRight.size(),
        groupRight.isEmpty() ? 1.0 : passed / (double) groupRight.size(),
        misses,
        retrievalMisses);
  }

  /** The checks of the case's answer that fail. */
  static List<String> failedChecks(Case c, Answer answer) {
    List<String> failed = new ArrayList<>();
    String text = answer.answer().toLowerCase(java.util.Locale.ROOT);
    List<String> called = answer.toolCalls().stream().map(Answer.ToolCall::tool).toList();
    for (String check : c.expect()) {
      String what = check.substring(1).toLowerCase(java.util.Locale.ROOT);
      boolean ok =
          switch (check.charAt(0)) {
            case '+' -> text.contains(what);
            case '-' -> !text.contains(what);
            case '!' -> !called.contains(check.substring(1));
            default -> throw new IllegalArgumentException("Unknown check " + check);
          };
      if (!ok) {
        failed.add(check);
      }
    }
    return failed;
  }

  private static String table(String title, Scores s) {
    StringBuilder out = new StringBuilder("## " + title + "\n\n");
    out.append(
        "%d questions.\n\n| ranking | hit@1 | hit@3 |\n|---|---|---|\n".formatted(s.questions()));
    s.retrieval()
        .forEach((name, v) -> out.append("| %s | %.3f | %.3f |\n".formatted(name, v[0], v[1])));
    out.append(
        "\n| measure | score |\n|---|---|\n| intent (the rules alone, before retrieval) | %.3f |\n| tool selection | %.3f |\n| cited section | %.3f |\n| answer checks (%d questions with checks) | %.3f |\n| pass^4 (%d groups of four wordings) | %.3f |\n"
            .formatted(
                s.intent(), s.tools(), s.cited(), s.checked(), s.answers(), s.groups(), s.passK()));
    out.append(
        "\n### Misses\n\n| role | question | intent | tools | section |\n|---|---|---|---|---|\n");
    s.misses().forEach(m -> out.append(m).append('\n'));
    out.append(
        "\n### Retrieval misses (fused, top 3)\n\n| question | expected | top 3 |\n|---|---|---|\n");
    s.retrievalMisses().forEach(m -> out.append(m).append('\n'));
    return out.append('\n').toString();
  }
}

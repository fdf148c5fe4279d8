package com.hirepilot.rex;

import com.hirepilot.rex.EvaluationTests.Case;
import com.hirepilot.rex.EvaluationTests.Scores;
import com.hirepilot.rex.brain.LlmBrains;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evaluation tables through a real LLM (any OpenAI-compatible endpoint: Ollama, vLLM, OpenAI)
 * beside the offline brain (bench/rex/llm.sh). Not a test: nothing here can reach a model on the
 * build machine; {@code LlmEvaluationTests} runs it against a loopback fake.
 *
 * <p>The LLM is REX's brain directly, not behind the {@link com.hirepilot.rex.brain.FallbackBrain}:
 * a call that fails (timeout, refused, unparsable reply) answers with no tools and no citation, so
 * it scores as the miss it is, and is counted.
 *
 * <p>Per table: tool accuracy, cited section and pass^4 over the groups of four wordings, from one
 * pass of each brain; for the LLM with {@code --repeat k} (k &gt; 1) a second run asks every
 * question k more times, and pass^k over repeats is the share of questions that chose the right
 * tools and the same action all k times (tau-bench's pass^k). With k = 1 it is the tool accuracy.
 */
public final class LlmEvaluation {

  static final Map<String, String> TABLES =
      Map.of("main", "", "holdout", "/eval/holdout.tsv", "holdout-2", "/eval/holdout-2.tsv");

  private LlmEvaluation() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = System.getenv("REX_LLM_BASE_URL");
    String model = System.getenv("REX_LLM_MODEL");
    String apiKey = System.getenv("REX_LLM_API_KEY");
    String tables = "main,holdout,holdout-2";
    String out = "rex-agent/target/rex-llm-evaluation.md";
    int repeat = 1;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--base-url" -> baseUrl = value;
        case "--model" -> model = value;
        case "--api-key" -> apiKey = value;
        case "--tables" -> tables = value;
        case "--repeat" -> repeat = Integer.parseInt(value);
        case "--out" -> out = value;
        default -> usage("unknown argument " + args[i]);
      }
      i++;
    }
    if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
      usage("REX_LLM_BASE_URL and REX_LLM_MODEL are required");
    }
    if (repeat < 1) {
      usage("--repeat must be at least 1");
    }
    Map<String, List<Case>> cases = new LinkedHashMap<>();
    for (String name : tables.split(",")) {
      cases.put(name.trim(), table(name.trim()));
    }
    ChatModel llm =
        LlmBrains.openAiCompatible(
            new LlmBrains.Endpoint(
                baseUrl, model, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(120)));
    String report = evaluate(cases, llm, model + " at " + baseUrl, repeat);
    Path file = Path.of(out);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, report);
    System.out.println(report);
    System.out.println("Written to " + file);
  }

  private static void usage(String problem) {
    System.err.println(
        problem
            + "\nUsage: REX_LLM_BASE_URL=http://localhost:11434/v1 REX_LLM_MODEL=qwen2.5:7b-instruct"
            + " [REX_LLM_API_KEY=...] bench/rex/llm.sh"
            + " [--tables main,holdout,holdout-2]"
            + " [--repeat k] [--out file]");
    System.exit(2);
  }

  /** A table by name: main (questions and paraphrases), holdout, holdout-2. */
  static List<Case> table(String name) throws IOException {
    String resource = TABLES.get(name);
    if (resource == null) {
      throw new IllegalArgumentException("Unknown table " + name + "; known: " + TABLES.keySet());
    }
    return resource.isEmpty() ? EvaluationTests.read() : EvaluationTests.read(resource);
  }

  /**
   * The report: each table through the offline brain and through the LLM, each pass on a fresh
   * assistant (its own desk and memory, so that no conversation of one pass goes on in another).
   */
  static String evaluate(
      Map<String, List<Case>> tables, ChatModel llm, String llmName, int repeat) {
    Counting counting = new Counting(llm);
    StringBuilder rows = new StringBuilder();
    StringBuilder misses = new StringBuilder();
    for (var table : tables.entrySet()) {
      List<Case> cases = table.getValue();
      if (cases.isEmpty()) {
        rows.append(
            "| %s | 0 | (no questions on the classpath) | | | | | | |\n".formatted(table.getKey()));
        continue;
      }
      Scores offline = EvaluationTests.score(cases, RexFixture.offline(new FakeDesk()));
      rows.append(row(table.getKey(), "offline", offline, "—", 0, Duration.ZERO));

      int failuresBefore = counting.failures.get();
      long started = System.nanoTime();
      Scores once = EvaluationTests.score(cases, llmRex(counting));
      double passOverRepeats = once.tools();
      if (repeat > 1) {
        passOverRepeats = EvaluationTests.score(repeated(cases, repeat), llmRex(counting)).passK();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      int failures = counting.failures.get() - failuresBefore;
      rows.append(
          row(table.getKey(), "LLM", once, "%.3f".formatted(passOverRepeats), failures, took));

      misses.append("\n### %s: the LLM's misses (first pass)\n\n".formatted(table.getKey()));
      misses.append("| role | question | intent | tools | section |\n|---|---|---|---|---|\n");
      once.misses().forEach(m -> misses.append(m).append('\n'));
    }
    int asks = repeat > 1 ? 1 + repeat : 1;
    return "# REX evaluation with an LLM\n\n"
        + "LLM: %s (OpenAI-compatible, called directly: a failed call is a miss). Each question is asked %d time(s) of the LLM%s.\n\n"
            .formatted(
                llmName,
                asks,
                repeat > 1 ? " (once, then %d times for pass^%d)".formatted(repeat, repeat) : "")
        + "| table | questions | brain | tool accuracy | cited section | pass^4 (wordings) | pass^%d (repeats) | failed LLM calls | LLM time |\n"
            .formatted(repeat)
        + "|---|---:|---|---:|---:|---:|---:|---:|---:|\n"
        + rows
        + "\nTool accuracy: the checks called equal the expected ones. Cited section: the answer's"
        + " first source (REX falls back to the top retrieved section when the answer cites"
        + " none). pass^4: a group of four wordings passes when all chose the right tools and the"
        + " same action. pass^k (repeats): the same over k askings of one question.\n"
        + misses;
  }

  private static String row(
      String table, String brain, Scores s, String passOverRepeats, int failures, Duration took) {
    String wordings =
        s.groups() == 0 ? "n/a (no groups)" : "%.3f (%d groups)".formatted(s.passK(), s.groups());
    return "| %s | %d | %s | %.3f | %.3f | %s | %s | %s | %s |\n"
        .formatted(
            table,
            s.questions(),
            brain,
            s.tools(),
            s.cited(),
            wordings,
            passOverRepeats,
            brain.equals("offline") ? "—" : String.valueOf(failures),
            brain.equals("offline") ? "—" : "%d s".formatted(took.toSeconds()));
  }

  /** Each question k times in a row, the k copies one group: its pass^k is over the repeats. */
  static List<Case> repeated(List<Case> cases, int k) {
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      for (int r = 0; r < k; r++) {
        out.add(
            new Case(
                c.caller(), c.question(), c.intent(), c.tools(), c.section(), c.expect(), "q" + i));
      }
    }
    return out;
  }

  private static Rex llmRex(ChatModel llm) {
    return RexFixture.with(llm, "llm", new FakeDesk());
  }

  /**
   * The LLM, with its failures counted and answered by a message that calls no tool and cites
   * nothing, so that one failed call scores as a miss rather than ending the run.
   */
  static final class Counting implements ChatModel {
    final AtomicInteger failures = new AtomicInteger();
    private final ChatModel llm;

    Counting(ChatModel llm) {
      this.llm = llm;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      try {
        return llm.chat(request);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        return ChatResponse.builder()
            .aiMessage(AiMessage.from("(The model failed: " + e.getClass().getSimpleName() + ")"))
            .build();
      }
    }
  }
}

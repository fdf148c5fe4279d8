package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.EvaluationTests.Case;
import com.hirepilot.rex.brain.LlmBrains;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LlmEvaluation} against a loopback fake OpenAI-compatible server that always answers with
 * the same text and never calls a tool: it must score below the offline brain, and a model that
 * cannot be reached must score as failing rather than end the run.
 */
class LlmEvaluationTests {

  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Test
  void aModelThatCallsNoToolsScoresBelowTheOfflineBrain() throws Exception {
    serve(
        """
        {"id":"x","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,
         "message":{"role":"assistant","content":"Check the link [troubleshooting#cannot-access]"},
         "finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
        """);
    List<Case> tiny = tinyTable();
    String report =
        LlmEvaluation.evaluate(
            Map.of("tiny", tiny), LlmBrains.openAiCompatible(endpoint()), "fake", 2);

    System.out.println(report);
    assertThat(report).contains("| tiny | 4 | offline |").contains("| tiny | 4 | LLM |");
    double offline = toolAccuracy(report, "offline");
    double llm = toolAccuracy(report, "LLM");
    assertThat(llm).isLessThan(offline);
    // Three of the four questions need a check, which the fake never calls.
    assertThat(llm).isEqualTo(0.25);
    assertThat(report).contains("pass^2 (repeats)");
    // One pass, then each question twice more: at least one request for each of the 12 askings.
    assertThat(requests.get()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void anUnreachableModelScoresAsFailingAndIsCounted() throws Exception {
    serve("{}");
    LlmBrains.Endpoint endpoint = endpoint();
    stop();
    String report =
        LlmEvaluation.evaluate(
            Map.of("tiny", tinyTable()), LlmBrains.openAiCompatible(endpoint), "gone", 1);
    assertThat(toolAccuracy(report, "LLM")).isEqualTo(0.25);
    assertThat(report).containsPattern("\\| tiny \\| 4 \\| LLM \\|[^\\n]*\\| 4 \\| \\d+ s \\|");
  }

  @Test
  void anEmptyTableIsReportedNotScored() throws Exception {
    String report =
        LlmEvaluation.evaluate(
            Map.of("none", List.of()), LlmBrains.openAiCompatible(endpoint()), "unused", 1);
    assertThat(report).contains("| none | 0 | (no questions on the classpath) |");
  }

  /** Three questions whose answers need a check, and one that needs none. */
  private static List<Case> tinyTable() throws Exception {
    List<Case> all = EvaluationTests.read("/eval/questions.tsv");
    List<Case> tiny =
        new ArrayList<>(all.stream().filter(c -> !c.tools().isEmpty()).limit(3).toList());
    tiny.add(all.stream().filter(c -> c.tools().isEmpty()).findFirst().orElseThrow());
    return tiny;
  }

  private static double toolAccuracy(String report, String brain) {
    String row =
        report.lines().filter(l -> l.contains("| " + brain + " |")).findFirst().orElseThrow();
    return Double.parseDouble(row.split("\\|")[4].trim());
  }

  private LlmBrains.Endpoint endpoint() {
    int port = server == null ? 9 : server.getAddress().getPort();
    return new LlmBrains.Endpoint(
        "http://127.0.0.1:" + port + "/v1",
        "fake-model",
        null,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5));
  }

  private void serve(String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }
}

package com.hirepilot.rex;

import com.hirepilot.rex.brain.OfflineBrain;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.retrieval.FusedRetriever;
import com.hirepilot.rex.retrieval.LexicalIndex;
import com.hirepilot.rex.retrieval.SemanticIndex;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The REX benchmark (bench/rex/run.sh): what building REX costs (time, heap, resident memory) in a
 * fresh JVM, then the offline answer latency over the evaluation questions, warm, each asked {@code
 * rounds} times through the whole assistant (retrieval, brain, tools on a fixed desk, memory,
 * answer check). Not a test: it prints numbers for docs/benchmarks.md.
 */
public final class RexBenchmark {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long rssBefore = rssKb();
    long heapBefore = heapUsed();
    long started = System.nanoTime();
    KnowledgeBase knowledge = KnowledgeBase.fromClasspath();
    LexicalIndex lexical = new LexicalIndex(knowledge);
    long lexicalDone = System.nanoTime();
    AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    long modelDone = System.nanoTime();
    SemanticIndex semantic = new SemanticIndex(model, knowledge);
    long built = System.nanoTime();
    FusedRetriever fused = new FusedRetriever(List.of(semantic, lexical));
    FakeDesk desk = new FakeDesk();
    Rex rex =
        new Rex(
            knowledge,
            fused,
            new OfflineBrain(knowledge),
            "offline",
            desk,
            new InMemoryChatMemoryStore(),
            "http://localhost:8080");
    long heapAfter = heapUsed();
    long rssAfter = rssKb();

    List<EvaluationTests.Case> cases = EvaluationTests.read();
    // Warm-up: one pass, not measured.
    int n = 0;
    for (EvaluationTests.Case c : cases) {
      rex.ask(c.caller(), "warm-" + n++, c.question());
    }
    List<Long> micros = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (EvaluationTests.Case c : cases) {
        long t = System.nanoTime();
        rex.ask(c.caller(), "b-" + round + "-" + n++, c.question());
        micros.add((System.nanoTime() - t) / 1_000);
      }
    }
    Collections.sort(micros);
    System.out.printf(
        "sections=%d%nknowledge+BM25 build: %d ms%nembedding model load: %d ms%nembedding"
            + " index build: %d ms%ntotal build: %d ms%nheap added: %d MB%nRSS added: %d MB%n",
        knowledge.sections().size(),
        (lexicalDone - started) / 1_000_000,
        (modelDone - lexicalDone) / 1_000_000,
        (built - modelDone) / 1_000_000,
        (built - started) / 1_000_000,
        (heapAfter - heapBefore) / (1024 * 1024),
        (rssAfter - rssBefore) / 1024);
    System.out.printf(
        "answers=%d (questions=%d x rounds=%d)%np50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
        micros.size(),
        cases.size(),
        rounds,
        pct(micros, 50),
        pct(micros, 90),
        pct(micros, 99),
        micros.get(micros.size() - 1) / 1000.0);
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1000.0;
  }

  private static long heapUsed() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }
}

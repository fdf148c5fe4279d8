package com.hirepilot.app.support;

import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.rex.Rex;
import com.hirepilot.rex.brain.FallbackBrain;
import com.hirepilot.rex.brain.LlmBrains;
import com.hirepilot.rex.brain.OfflineBrain;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.retrieval.FusedRetriever;
import com.hirepilot.rex.retrieval.LexicalIndex;
import com.hirepilot.rex.retrieval.Retriever;
import com.hirepilot.rex.retrieval.SemanticIndex;
import com.hirepilot.rex.tools.SupportDesk;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Assembles REX: its knowledge base, the fused ranking, the configured brain and the desk. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RexProperties.class)
class RexConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RexConfiguration.class);

  @Bean
  KnowledgeBase rexKnowledge() {
    return KnowledgeBase.fromClasspath();
  }

  /**
   * REX's ranking. The embedding index (loading the model and embedding every section takes a few
   * seconds of CPU) is built once the app is ready, on a thread of its own, so it neither delays
   * start-up nor competes with it; a question that comes earlier waits for it.
   */
  @Bean
  WarmRetriever rexRetriever(KnowledgeBase knowledge, PortalProperties portal) {
    if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
      // The tokenizer unpacks its native library here; the data folder is known to be writable.
      System.setProperty(
          "DJL_CACHE_DIR", portal.dataDir().resolve("djl").toAbsolutePath().toString());
    }
    return new WarmRetriever(knowledge);
  }

  /** The fused ranking, completed in the background after start-up. */
  static final class WarmRetriever implements Retriever {
    private final KnowledgeBase knowledge;
    private final CompletableFuture<Retriever> fused = new CompletableFuture<>();

    WarmRetriever(KnowledgeBase knowledge) {
      this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void build() {
      Thread builder =
          new Thread(
              () -> {
                try {
                  long started = System.nanoTime();
                  LexicalIndex lexical = new LexicalIndex(knowledge);
                  SemanticIndex semantic =
                      new SemanticIndex(new AllMiniLmL6V2QuantizedEmbeddingModel(), knowledge);
                  fused.complete(new FusedRetriever(List.of(semantic, lexical)));
                  log.info(
                      "REX indexed {} support sections in {} ms",
                      knowledge.sections().size(),
                      (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException | Error e) {
                  fused.completeExceptionally(e);
                  log.error("REX could not build its index", e);
                }
              },
              "rex-index");
      builder.setDaemon(true);
      builder.start();
    }

    @Override
    public List<Section> search(String question, int limit) {
      return fused.join().search(question, limit);
    }
  }

  @Bean
  Rex rex(
      KnowledgeBase knowledge,
      WarmRetriever rexRetriever,
      SupportDesk desk,
      RexConversations conversations,
      RexProperties properties,
      PortalProperties portal) {
    OfflineBrain offline = new OfflineBrain(knowledge);
    String kind = properties.brain().trim().toLowerCase(Locale.ROOT);
    ChatModel brain =
        switch (kind) {
          case "offline" -> offline;
          case "openai" ->
              new FallbackBrain(
                  "openai", LlmBrains.openAiCompatible(endpoint(properties)), offline);
          case "anthropic" ->
              new FallbackBrain("anthropic", LlmBrains.anthropic(endpoint(properties)), offline);
          default ->
              throw new IllegalStateException(
                  "rex.brain must be offline, openai or anthropic, not " + properties.brain());
        };
    log.info("REX answers with the {} brain", kind);
    return new Rex(
        knowledge, rexRetriever, brain, kind, desk, conversations, portal.baseUrl().toString());
  }

  private static LlmBrains.Endpoint endpoint(RexProperties properties) {
    RexProperties.Llm llm = properties.llm();
    if (llm.model() == null || llm.model().isBlank()) {
      throw new IllegalStateException("rex.llm.model (REX_LLM_MODEL) is needed for an LLM brain");
    }
    return new LlmBrains.Endpoint(
        llm.baseUrl(), llm.model(), llm.apiKey(), llm.connectTimeout(), llm.readTimeout());
  }
}

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
   * The embedding index is built off the start-up path (loading the model and embedding every
   * section takes about a second); the first question waits for it, if it comes that early.
   */
  @Bean
  Retriever rexRetriever(KnowledgeBase knowledge, PortalProperties portal) {
    if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
      // The tokenizer unpacks its native library here; the data folder is known to be writable.
      System.setProperty(
          "DJL_CACHE_DIR", portal.dataDir().resolve("djl").toAbsolutePath().toString());
    }
    LexicalIndex lexical = new LexicalIndex(knowledge);
    CompletableFuture<Retriever> fused =
        CompletableFuture.supplyAsync(
            () -> {
              long started = System.nanoTime();
              SemanticIndex semantic =
                  new SemanticIndex(new AllMiniLmL6V2QuantizedEmbeddingModel(), knowledge);
              log.info(
                  "REX indexed {} support sections in {} ms",
                  knowledge.sections().size(),
                  (System.nanoTime() - started) / 1_000_000);
              return new FusedRetriever(List.of(semantic, lexical));
            });
    return new Retriever() {
      @Override
      public List<Section> search(String question, int limit) {
        return fused.join().search(question, limit);
      }
    };
  }

  @Bean
  Rex rex(
      KnowledgeBase knowledge,
      Retriever rexRetriever,
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

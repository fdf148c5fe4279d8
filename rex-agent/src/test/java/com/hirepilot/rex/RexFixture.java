package com.hirepilot.rex;

import com.hirepilot.rex.brain.OfflineBrain;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.retrieval.FusedRetriever;
import com.hirepilot.rex.retrieval.LexicalIndex;
import com.hirepilot.rex.retrieval.SemanticIndex;
import com.hirepilot.rex.tools.Caller;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.List;

/** The shipped knowledge base and indexes, built once for all tests of the module. */
final class RexFixture {

  static final String PORTAL = "http://portal.test";
  static final KnowledgeBase KNOWLEDGE = KnowledgeBase.fromClasspath();
  static final SemanticIndex SEMANTIC =
      new SemanticIndex(new AllMiniLmL6V2QuantizedEmbeddingModel(), KNOWLEDGE);
  static final LexicalIndex LEXICAL = new LexicalIndex(KNOWLEDGE);
  static final FusedRetriever FUSED = new FusedRetriever(List.of(SEMANTIC, LEXICAL));

  static final Caller RECRUITER =
      new Caller(Caller.Role.RECRUITER, "ws-1", "r-1", "Riley Recruiter", "owner@localhost");
  static final Caller CLIENT =
      new Caller(Caller.Role.CLIENT, "ws-1", "col-1", "Casey Client", "casey.client@acme.example");

  private RexFixture() {}

  static Rex offline(FakeDesk desk) {
    return with(new OfflineBrain(KNOWLEDGE), "offline", desk);
  }

  static Rex with(ChatModel brain, String name, FakeDesk desk) {
    return with(brain, name, desk, new InMemoryChatMemoryStore());
  }

  static Rex with(
      ChatModel brain,
      String name,
      FakeDesk desk,
      dev.langchain4j.store.memory.chat.ChatMemoryStore memory) {
    return new Rex(KNOWLEDGE, FUSED, brain, name, desk, memory, PORTAL);
  }
}

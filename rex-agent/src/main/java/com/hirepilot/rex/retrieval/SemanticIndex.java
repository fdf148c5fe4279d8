package com.hirepilot.rex.retrieval;

import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;

/**
 * Sections ranked by meaning: each section's title and body embedded in process by the quantised
 * all-MiniLM-L6-v2, which ships inside its jar, so nothing is downloaded at run time.
 */
public final class SemanticIndex implements Retriever {

  private final EmbeddingModel model;
  private final KnowledgeBase knowledge;
  private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

  public SemanticIndex(EmbeddingModel model, KnowledgeBase knowledge) {
    this.model = model;
    this.knowledge = knowledge;
    List<Section> sections = knowledge.sections();
    // Several vectors per section: its title with its opening words, then each paragraph under
    // the title. The model reads 256 word pieces at most, and a question usually matches one
    // paragraph, not a whole section; a section ranks by its best vector.
    List<TextSegment> segments = new java.util.ArrayList<>();
    for (Section s : sections) {
      segments.add(
          TextSegment.from(s.title() + "\n" + s.text().split("\n\\s*\n")[0], metadataOf(s)));
      for (String paragraph : s.text().split("\n\\s*\n")) {
        if (paragraph.strip().length() > 40) {
          segments.add(TextSegment.from(s.title() + "\n" + paragraph.strip(), metadataOf(s)));
        }
      }
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    store.addAll(embeddings, segments);
  }

  private static dev.langchain4j.data.document.Metadata metadataOf(Section s) {
    return dev.langchain4j.data.document.Metadata.from("ref", s.ref());
  }

  @Override
  public List<Section> search(String question, int limit) {
    String topic = Retriever.topicOf(question);
    if (topic.isBlank()) {
      return List.of();
    }
    Embedding query = model.embed(topic).content();
    return store
        .search(
            EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(limit * 8).build())
        .matches()
        .stream()
        .map(m -> m.embedded().metadata().getString("ref"))
        .distinct()
        .limit(limit)
        .map(knowledge::get)
        .toList();
  }
}

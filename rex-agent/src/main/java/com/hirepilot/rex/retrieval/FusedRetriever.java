package com.hirepilot.rex.retrieval;

import com.hirepilot.rex.knowledge.Section;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion of several rankings: each section scores the sum of {@code 1/(k+rank)}
 * over the rankings it appears in. Needs no score calibration between BM25 and cosine similarity.
 */
public final class FusedRetriever implements Retriever {

  private static final int K = 60;
  private static final int DEPTH = 20;

  private final List<Retriever> rankings;

  public FusedRetriever(List<Retriever> rankings) {
    this.rankings = List.copyOf(rankings);
  }

  @Override
  public List<Section> search(String question, int limit) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Section> sections = new LinkedHashMap<>();
    for (Retriever ranking : rankings) {
      List<Section> found = ranking.search(question, DEPTH);
      for (int rank = 0; rank < found.size(); rank++) {
        Section s = found.get(rank);
        sections.putIfAbsent(s.ref(), s);
        scores.merge(s.ref(), 1.0 / (K + rank + 1), Double::sum);
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(e -> sections.get(e.getKey()))
        .toList();
  }
}

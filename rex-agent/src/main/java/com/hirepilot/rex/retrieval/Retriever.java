package com.hirepilot.rex.retrieval;

import com.hirepilot.rex.knowledge.Section;
import java.util.List;

/** Finds the support sections that answer a question, best first. */
public interface Retriever {

  List<Section> search(String question, int limit);

  /**
   * The words of a question worth ranking by: IDs and addresses say which record, not which topic,
   * and only add noise to either ranking.
   */
  static String topicOf(String question) {
    return question
        .replaceAll("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", " ")
        .replaceAll("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", " ")
        .replaceAll("https?://\\S+", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }
}

package com.hirepilot.rex.retrieval;

import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Sections ranked by the words they share with the question (Lucene's BM25), with English stemming.
 * Catches what embeddings miss: exact terms such as "incognito", "SendGrid" or "spam".
 */
public final class LexicalIndex implements Retriever {

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexSearcher searcher;
  private final KnowledgeBase knowledge;

  public LexicalIndex(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Section s : knowledge.sections()) {
        Document doc = new Document();
        doc.add(new StoredField("ref", s.ref()));
        doc.add(new TextField("title", s.title(), Field.Store.NO));
        doc.add(new TextField("text", s.text(), Field.Store.NO));
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Section> search(String question, int limit) {
    // Terms are OR-ed one by one rather than parsed: a question is never query syntax.
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<String> terms = terms(Retriever.topicOf(question));
    if (terms.isEmpty()) {
      return List.of();
    }
    for (String term : terms) {
      query.add(
          new BoostQuery(new TermQuery(new Term("title", term)), 2f), BooleanClause.Occur.SHOULD);
      query.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
    }
    try {
      List<Section> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
        found.add(knowledge.get(searcher.storedFields().document(hit.doc).get("ref")));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < 64) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}

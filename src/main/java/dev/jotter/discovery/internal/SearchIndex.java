package dev.jotter.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The full-text index of published posts (Lucene, BM25, English stop words and stemming), in a
 * directory under the server's data directory. User text is never parsed as query syntax: it is
 * analyzed into words, so quotes, AND/OR/NOT, wildcards and brackets are just text.
 */
public final class SearchIndex implements AutoCloseable {

  /** Fields searched, with their boosts: the title counts most. */
  private static final Map<String, Float> FIELDS =
      Map.of("title", 3.0f, "headings", 1.5f, "excerpt", 1.2f, "body", 1.0f);

  static final int MAX_QUERY_TERMS = 64;
  private static final String FINGERPRINT = "fingerprint";

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  record IndexedPost(
      long id,
      String title,
      String headings,
      String excerpt,
      String body,
      List<String> tags,
      List<String> authors) {}

  /** A hit: the post id, its score, and the position to read further from. */
  public record Hit(long id, float score) {}

  public record Page(List<Hit> hits, boolean hasMore, long total) {}

  SearchIndex(Path path) {
    try {
      directory = FSDirectory.open(path);
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + path, e);
    }
  }

  /** How many posts the index holds (what it was last committed with, and changes since). */
  int size() {
    return writer.getDocStats().numDocs;
  }

  /** The fingerprint of the content last fully indexed; empty for a new index. */
  String fingerprint() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (FINGERPRINT.equals(e.getKey())) {
          return e.getValue();
        }
      }
    }
    return "";
  }

  /**
   * Starts replacing every document: searches see the old ones until {@link Replacement#commit}.
   * The posts are added one at a time, so the caller need not hold them all.
   */
  Replacement replacement() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Replacement();
  }

  /** The documents of a {@link #replacement()}, until it is committed. */
  final class Replacement {
    void add(IndexedPost post) {
      try {
        writer.addDocument(document(post));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Makes the new documents the index, with the fingerprint of the content they hold. */
    void commit(String fingerprint) {
      markCurrent(fingerprint);
    }
  }

  /** Records that the index holds exactly the content with this fingerprint. */
  void markCurrent(String fingerprint) {
    try {
      writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void put(IndexedPost post) {
    try {
      writer.updateDocument(new Term("id", Long.toString(post.id())), document(post));
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void remove(long id) {
    try {
      writer.deleteDocuments(new Term("id", Long.toString(id)));
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analyzed words of a user's text, at most {@value #MAX_QUERY_TERMS}, in order. */
  Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /**
   * Posts matching any of the words, best first; ties by id, so paging with {@code after} neither
   * repeats nor skips a hit while the index is unchanged.
   */
  Page search(Set<String> terms, String tag, String author, int first, Hit after) {
    if (terms.isEmpty()) {
      return new Page(List.of(), false, 0);
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms) {
      FIELDS.forEach(
          (field, boost) ->
              words.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), Occur.SHOULD));
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
    if (tag != null) {
      query.add(new TermQuery(new Term("tag", tag)), Occur.FILTER);
    }
    if (author != null) {
      query.add(new TermQuery(new Term("author", author)), Occur.FILTER);
    }
    Query built = query.build();
    Sort sort = new Sort(SortField.FIELD_SCORE, new SortField("id_sort", SortField.Type.LONG));
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        // the sort fields (score, id) decide; the doc id only has to be a valid one, and the
        // largest makes the hit at the cursor itself come before it
        FieldDoc from =
            after == null
                ? null
                : new FieldDoc(
                    Math.max(0, searcher.getIndexReader().maxDoc() - 1),
                    after.score(),
                    new Object[] {after.score(), after.id()});
        TopFieldDocs top = searcher.searchAfter(from, built, first + 1, sort, true);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
          FieldDoc fd = (FieldDoc) doc;
          hits.add(new Hit((Long) fd.fields[1], (Float) fd.fields[0]));
        }
        boolean hasMore = hits.size() > first;
        return new Page(hasMore ? hits.subList(0, first) : hits, hasMore, searcher.count(built));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the searchers, the writer (releasing the index's file lock) and the directory, each even
   * when closing one before it failed.
   */
  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, directory);
  }

  private void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private static Document document(IndexedPost post) {
    Document doc = new Document();
    doc.add(new StringField("id", Long.toString(post.id()), Field.Store.NO));
    doc.add(new NumericDocValuesField("id_sort", post.id()));
    doc.add(new TextField("title", nullToEmpty(post.title()), Field.Store.NO));
    doc.add(new TextField("headings", nullToEmpty(post.headings()), Field.Store.NO));
    doc.add(new TextField("excerpt", nullToEmpty(post.excerpt()), Field.Store.NO));
    doc.add(new TextField("body", nullToEmpty(post.body()), Field.Store.NO));
    post.tags().forEach(t -> doc.add(new StringField("tag", t, Field.Store.NO)));
    post.authors().forEach(a -> doc.add(new StringField("author", a, Field.Store.NO)));
    return doc;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

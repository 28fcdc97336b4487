package dev.jotter.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A short passage of a post around the words searched for, as HTML: the matched words in {@code
 * <mark>}, everything else escaped, so a frontend can insert it as it is.
 */
final class Snippets {

  static final int LENGTH = 200;
  private static final int LEAD = 60;
  private final Analyzer analyzer = new EnglishAnalyzer();

  private record Match(int start, int end) {}

  /** The snippet of {@code text} for the analyzed query {@code terms}. */
  String of(String text, Set<String> terms) {
    String plain = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    List<Match> matches = matches(plain, terms);
    int start = 0;
    if (!matches.isEmpty() && matches.get(0).start() > LEAD) {
      start = plain.lastIndexOf(' ', matches.get(0).start() - LEAD) + 1;
    }
    int end = Math.min(plain.length(), start + LENGTH);
    if (end < plain.length()) {
      int space = plain.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
    int at = start;
    for (Match m : matches) {
      if (m.start() < start || m.end() > end) {
        continue;
      }
      html.append(escape(plain.substring(at, m.start())))
          .append("<mark>")
          .append(escape(plain.substring(m.start(), m.end())))
          .append("</mark>");
      at = m.end();
    }
    html.append(escape(plain.substring(at, end)));
    return end < plain.length() ? html.append('…').toString() : html.toString();
  }

  private List<Match> matches(String text, Set<String> terms) {
    List<Match> matches = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (terms.contains(term.toString())) {
          matches.add(new Match(offset.startOffset(), offset.endOffset()));
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return matches;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

import dev.jotter.content.domain.MarkdownRenderer;
import dev.jotter.content.domain.RenderedBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Renders pathological post bodies of up to MAX_BYTES (default 1 MiB, the largest post body) with
 * Jotter's Markdown renderer and prints the time of each and the worst. Inline pathologies come in
 * paragraphs just under the paragraph limit, so they are the worst bodies the renderer accepts; a
 * body it refuses (a table too wide, nesting too deep) counts with the time it took to refuse it.
 * Usage: java -cp <classpath> Markdown.java [MAX_BYTES]
 */
public class Markdown {

  static final int LIMIT_SECONDS = 60;

  public static void main(String[] args) throws Exception {
    int max = args.length > 0 ? Integer.parseInt(args[0]) : 1024 * 1024;
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("table 200,000 columns, rows of one cell", table(max));
    bodies.put("table 500 columns, 1,000 full rows", fullTable(max));
    bodies.put("500,000 short lines", repeat(max, "a\n"));
    bodies.put("plain paragraphs, 1 MiB", repeat(max, "word "));
    bodies.put("one paragraph of 1 MiB", "word ".repeat(max / 5));
    bodies.put("blockquotes nested 500,000 deep", ">".repeat(max - 1) + "a");
    bodies.put("lists nested 1,000 deep", nestedLists(max));
    bodies.put("list items 250,000", repeat(max, "- a\n"));
    bodies.put("emphasis openers *a **a ...", repeat(max, "*a **a "));
    bodies.put("emphasis closers a* a** ...", repeat(max, "a* a** "));
    bodies.put("nested emphasis ***...", "*".repeat(max / 2) + "a" + "*".repeat(max / 2));
    bodies.put("unclosed link brackets [[[[", repeat(max, "["));
    bodies.put("nested link brackets [[[a]]]", "[".repeat(max / 2) + "a" + "]".repeat(max / 2));
    bodies.put("unclosed links [a](", repeat(max, "[a]("));
    bodies.put("backtick runs ` `` ``` ...", backticks(max));
    bodies.put("headings 250,000", repeat(max, "# a\n"));
    bodies.put("images", repeat(max, "![a](http://x.example/a.png) "));
    bodies.put("link reference definitions 50,000", references(max));
    bodies.put("raw HTML tags", repeat(max, "<a>"));
    bodies.put("entities", repeat(max, "&amp; "));
    bodies.put("autolinks www.a.example", repeat(max, "www.a.example "));
    bodies.put("strikethrough ~~ runs", repeat(max, "~~a "));
    bodies.put("code fences 100,000", repeat(max, "```\na\n"));
    bodies.put("hard line breaks", repeat(max, "a  \n"));

    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    // warm up on ordinary posts first, so what is timed is the body, not the JIT compiler
    String ordinary =
        "Some *emphasis*, a [link](https://example.com), `code` and more words.\n\n"
            + "- a list item\n- another\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
    for (int i = 0; i < 5; i++) {
      MarkdownRenderer.instance().render("## A section\n\n" + ordinary.repeat(1_500));
    }
    double worst = 0;
    String worstName = "";
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      String markdown = body.getValue();
      long started = System.nanoTime();
      Future<String> result = pool.submit(() -> outcome(markdown));
      String outcome;
      try {
        outcome = result.get(LIMIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        System.out.printf("%-42s %9s  (gave up)%n", body.getKey(), ">" + LIMIT_SECONDS + " s");
        System.out.printf("worst: more than %d s (%s)%n", LIMIT_SECONDS, body.getKey());
        System.exit(1);
        return;
      }
      double ms = (System.nanoTime() - started) / 1e6;
      if (ms > worst) {
        worst = ms;
        worstName = body.getKey();
      }
      System.out.printf("%-42s %8.0f ms  %s  (%d bytes)%n", body.getKey(), ms, outcome,
          markdown.getBytes(StandardCharsets.UTF_8).length);
    }
    System.out.printf("worst: %.0f ms (%s)%n", worst, worstName);
    System.exit(0);
  }

  static String outcome(String markdown) {
    try {
      RenderedBody body = MarkdownRenderer.instance().render(markdown);
      return "rendered: " + body.html().length() + " chars of HTML";
    } catch (IllegalArgumentException e) {
      return "refused: " + e.getMessage();
    } catch (StackOverflowError e) {
      return "STACK OVERFLOW";
    }
  }

  /**
   * The unit repeated to max characters, in paragraphs just under the renderer's paragraph limit
   * (the worst bodies it accepts), unless the unit holds line breaks of its own.
   */
  static String repeat(int max, String unit) {
    if (unit.contains("\n")) {
      return unit.repeat(Math.max(1, max / unit.length()));
    }
    String paragraph =
        unit.repeat(Math.max(1, (MarkdownRenderer.MAX_PARAGRAPH_CHARACTERS - 100) / unit.length()));
    StringBuilder out = new StringBuilder();
    while (out.length() + paragraph.length() + 2 <= max) {
      out.append(paragraph).append("\n\n");
    }
    return out.toString();
  }

  static String table(int max) {
    int columns = (max / 2) / 4;
    String header = "|a".repeat(columns) + "|\n" + "|-".repeat(columns) + "|\n";
    return header + "|\n".repeat(Math.max(0, (max - header.length()) / 2));
  }

  static String fullTable(int max) {
    int columns = 500;
    String row = "| a ".repeat(columns) + "|\n";
    String header = row + "|---".repeat(columns) + "|\n";
    return header + row.repeat(Math.max(0, (max - header.length()) / row.length()));
  }

  static String nestedLists(int max) {
    StringBuilder out = new StringBuilder();
    for (int depth = 0; out.length() < max; depth++) {
      out.append("  ".repeat(depth)).append("- a\n");
    }
    return out.substring(0, Math.min(out.length(), max));
  }

  static String backticks(int max) {
    StringBuilder out = new StringBuilder();
    for (int n = 1; out.length() < max; n++) {
      out.append("`".repeat(n)).append('a');
    }
    return out.substring(0, max);
  }

  static String references(int max) {
    StringBuilder out = new StringBuilder();
    for (int n = 0; out.length() < max / 2; n++) {
      out.append("[r").append(n).append("]: http://x.example/").append(n).append('\n');
    }
    for (int n = 0; out.length() < max; n++) {
      out.append("[r").append(n).append("] ");
    }
    return out.toString();
  }
}

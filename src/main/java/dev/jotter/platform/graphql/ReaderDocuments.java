package dev.jotter.platform.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader pages' own GraphQL documents, read from {@code /app/queries.js} the way the browser
 * evaluates it: each {@code const NAME = /* GraphQL *&#47; `...`} template, with the {@code
 * ${NAME}} of constants defined before it filled in. The exported ones are what the pages send, so
 * in the allow-list mode they run for anonymous readers without anyone registering them.
 */
public final class ReaderDocuments {

  private static final Pattern TEMPLATE =
      Pattern.compile("(export\\s+)?const\\s+(\\w+)\\s*=\\s*/\\*\\s*GraphQL\\s*\\*/\\s*`([^`]*)`");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private ReaderDocuments() {}

  /** The exported documents of the module's source, in order. */
  public static List<String> parse(String module) {
    Map<String, String> constants = new HashMap<>();
    List<String> exported = new ArrayList<>();
    Matcher template = TEMPLATE.matcher(module);
    while (template.find()) {
      String text = template.group(3);
      if (text.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            template.group(2) + ": escapes in a document template are not supported");
      }
      Matcher placeholder = PLACEHOLDER.matcher(text);
      StringBuilder filled = new StringBuilder();
      while (placeholder.find()) {
        String value = constants.get(placeholder.group(1));
        if (value == null) {
          throw new IllegalArgumentException(
              template.group(2) + " uses ${" + placeholder.group(1) + "} before it is defined");
        }
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
      }
      placeholder.appendTail(filled);
      constants.put(template.group(2), filled.toString());
      if (template.group(1) != null) {
        exported.add(filled.toString());
      }
    }
    return exported;
  }
}

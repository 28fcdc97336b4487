package dev.jotter.authoring.domain;

import static dev.jotter.platform.web.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Ghost's Lexical documents (its editor's JSON, for posts exported without HTML) as Markdown, for
 * the common nodes: paragraphs, headings, lists, quotes, links, bold, italic and inline code, line
 * breaks, rules, images, code blocks with their language, and Markdown and HTML cards. Other cards
 * are left out.
 */
public final class LexicalToMarkdown {

  private LexicalToMarkdown() {}

  public static String convert(String lexical) {
    JsonObject document;
    try (JsonReader reader = JSON.createReader(new StringReader(lexical))) {
      document = reader.readObject();
    }
    StringBuilder out = new StringBuilder();
    JsonObject root = document.getJsonObject("root");
    if (root != null) {
      blocks(root, out);
    }
    return out.toString().strip() + "\n";
  }

  /**
   * The Markdown of a document made of Markdown cards only (as Ghost keeps posts written in
   * Markdown, and as Jotter's Ghost export writes them), exactly as written; empty otherwise.
   */
  public static java.util.Optional<String> markdownCards(String lexical) {
    JsonObject document;
    try (JsonReader reader = JSON.createReader(new StringReader(lexical))) {
      document = reader.readObject();
    }
    JsonObject root = document.getJsonObject("root");
    if (root == null
        || root.getJsonArray("children") == null
        || root.getJsonArray("children").isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (JsonValue child : root.getJsonArray("children")) {
      if (!(child instanceof JsonObject node) || !"markdown".equals(node.getString("type", ""))) {
        return java.util.Optional.empty();
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(node.getString("markdown", ""));
    }
    return java.util.Optional.of(out.toString());
  }

  private static void blocks(JsonObject parent, StringBuilder out) {
    for (JsonValue child :
        parent.getJsonArray("children") == null
            ? JsonValue.EMPTY_JSON_ARRAY
            : parent.getJsonArray("children")) {
      if (child instanceof JsonObject node) {
        block(node, out);
      }
    }
  }

  private static void block(JsonObject node, StringBuilder out) {
    String type = type(node);
    switch (type) {
      case "paragraph" -> out.append(inline(node)).append("\n\n");
      case "heading" -> {
        int level = Integer.parseInt(node.getString("tag", "h2").substring(1));
        out.append("#".repeat(level)).append(' ').append(inline(node)).append("\n\n");
      }
      case "quote", "aside" ->
          out.append("> ").append(inline(node).replace("\n", "\n> ")).append("\n\n");
      case "list" -> {
        boolean numbered = "number".equals(node.getString("listType", "bullet"));
        int n = 1;
        for (JsonValue item : node.getJsonArray("children")) {
          if (item instanceof JsonObject li) {
            out.append(numbered ? (n++) + ". " : "- ").append(inline(li)).append('\n');
          }
        }
        out.append('\n');
      }
      case "horizontalrule" -> out.append("---\n\n");
      case "image" -> {
        out.append("![")
            .append(node.getString("altText", "").replace("]", "\\]"))
            .append("](")
            .append(node.getString("src", ""))
            .append(")\n\n");
      }
      case "codeblock", "code" -> {
        String code = node.containsKey("code") ? node.getString("code", "") : inline(node);
        out.append("```")
            .append(node.getString("language", ""))
            .append('\n')
            .append(code.strip())
            .append("\n```\n\n");
      }
      case "markdown" -> out.append(node.getString("markdown", "").strip()).append("\n\n");
      case "html" -> out.append(HtmlToMarkdown.convert(node.getString("html", ""))).append('\n');
      default -> {
        if (node.containsKey("children")) {
          blocks(node, out);
        }
      }
    }
  }

  private static String inline(JsonObject parent) {
    StringBuilder out = new StringBuilder();
    if (parent.getJsonArray("children") == null) {
      return "";
    }
    for (JsonValue child : parent.getJsonArray("children")) {
      if (!(child instanceof JsonObject node)) {
        continue;
      }
      switch (type(node)) {
        case "text" -> out.append(text(node));
        case "linebreak" -> out.append("  \n");
        case "link" ->
            out.append('[')
                .append(inline(node))
                .append("](")
                .append(node.getString("url", ""))
                .append(')');
        default -> out.append(inline(node));
      }
    }
    return out.toString();
  }

  private static String text(JsonObject node) {
    String text = node.getString("text", "");
    int format =
        node.containsKey("format")
                && node.get("format").getValueType() == JsonValue.ValueType.NUMBER
            ? node.getInt("format")
            : 0;
    if ((format & 16) != 0) {
      return "`" + text + "`";
    }
    if ((format & 1) != 0) {
      text = "**" + text + "**";
    }
    if ((format & 2) != 0) {
      text = "*" + text + "*";
    }
    return text;
  }

  private static String type(JsonObject node) {
    String type = node.getString("type", "");
    return type.startsWith("extended-") ? type.substring("extended-".length()) : type;
  }
}

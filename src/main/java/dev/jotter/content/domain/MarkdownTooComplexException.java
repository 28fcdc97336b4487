package dev.jotter.content.domain;

/**
 * A post body the renderer refuses because rendering it would cost far more than its size suggests:
 * too many lines, blocks or inline elements, a table too wide, nesting too deep, too many headings.
 * The message says which limit and how to stay within it.
 */
public class MarkdownTooComplexException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MarkdownTooComplexException(String message) {
    super(message);
  }
}

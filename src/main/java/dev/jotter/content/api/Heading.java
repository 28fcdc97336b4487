package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A section heading of a post's body, in document order, for a table of contents. */
@Description("A section heading of a post's body, for a table of contents.")
public record Heading(
    @Description("1 to 6, as in <h1> to <h6>.") int level,
    @NonNull @Description("The heading's text.") String text,
    @NonNull @Description("The id of the heading in the post's html: link to it with #anchor.")
        String anchor) {}

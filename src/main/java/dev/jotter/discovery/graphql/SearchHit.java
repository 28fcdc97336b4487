package dev.jotter.discovery.graphql;

import dev.jotter.content.graphql.Post;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A post found by a search. */
@Description("A post found by a search, with the passage that matched.")
public record SearchHit(
    @NonNull Post post,
    @Description("Relevance (BM25); higher is better, comparable within one search only.")
        double score,
    @NonNull
        @Description("A passage of the post as HTML: matched words in <mark>, the rest escaped.")
        String snippet) {}

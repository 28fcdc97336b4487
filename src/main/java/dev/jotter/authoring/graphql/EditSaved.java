package dev.jotter.authoring.graphql;

import dev.jotter.content.graphql.Post;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The change was saved. */
@Description("The change was saved; post.version is the new version.")
public record EditSaved(@NonNull Post post) implements UpdatePostResult {}

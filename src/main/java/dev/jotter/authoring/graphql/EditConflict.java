package dev.jotter.authoring.graphql;

import dev.jotter.content.graphql.Post;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Nothing was saved: someone else saved the post after the version the change was based on. */
@Description(
    "Nothing was saved: someone else saved the post after the version your change was based on."
        + " Merge your change into current and send it again with currentVersion.")
public record EditConflict(
    @NonNull String message,
    @Description("The version the change was based on.") long expectedVersion,
    @Description("The post's version now.") long currentVersion,
    @NonNull
        @Description("The fields of your change whose value differs from the current post.")
        @ListSize(assumedSize = 10)
        List<@NonNull String> conflictingFields,
    @NonNull @Description("The post as it now is.") Post current)
    implements UpdatePostResult {}

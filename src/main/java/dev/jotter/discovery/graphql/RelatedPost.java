package dev.jotter.discovery.graphql;

import dev.jotter.content.api.PostEditor;
import dev.jotter.content.graphql.Post;
import dev.jotter.content.graphql.Tag;
import dev.jotter.discovery.domain.Reason;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A related post with the reasons it is related: "Related thinking" on a post page. */
@Description("A post related to another, how much (0–1) and why.")
public record RelatedPost(
    @NonNull Post post,
    @Description("How related, from 0 to 1.") double score,
    @NonNull @Description("What made it related.") @ListSize(assumedSize = 6)
        List<@NonNull Reason> reasons,
    @NonNull
        @Description("The public tags both posts carry.")
        @ListSize(assumedSize = PostEditor.MAX_TAGS)
        List<@NonNull Tag> sharedTags) {}

package dev.jotter.authoring.graphql;

import io.smallrye.graphql.api.Union;
import org.eclipse.microprofile.graphql.Description;

/** What updatePost returns: the saved post, or the conflict that kept it from being saved. */
@Union
@Description("EditSaved, or EditConflict when someone else saved the post first.")
public interface UpdatePostResult {}

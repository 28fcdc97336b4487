package dev.jotter.authoring.graphql;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What signing in returns. */
@Description(
    "A signed-in session: send the token as 'Authorization: Bearer <token>' until it expires.")
public record AuthPayload(
    @NonNull @Description("A JWT signed with RS256; the role is in its groups claim.") String token,
    @NonNull OffsetDateTime expiresAt,
    @NonNull Staff staffUser) {}

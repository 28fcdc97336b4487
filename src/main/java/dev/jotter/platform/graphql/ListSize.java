package dev.jotter.platform.graphql;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.smallrye.graphql.api.Directive;
import io.smallrye.graphql.api.DirectiveLocation;
import java.lang.annotation.Retention;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;

/**
 * How many items a list field can return, for the query cost limit ({@link QueryCost}): the {@code
 * @listSize} directive of the GraphQL cost directives specification (IBM; also read by Apollo's
 * demand control). Either a fixed bound ({@code assumedSize}) or the argument that slices the list
 * ({@code slicingArguments}, such as {@code first}); for a connection, the sliced lists are its
 * {@code sizedFields} ({@code edges}, {@code nodes}).
 */
@Directive(on = DirectiveLocation.FIELD_DEFINITION)
@Description(
    "How many items this list can hold at most, for the query cost limit: assumedSize, or the value"
        + " of a slicing argument (for a connection, the size of its sizedFields).")
@Retention(RUNTIME)
public @interface ListSize {

  @Description("The most items the list holds.")
  @DefaultValue("-1")
  int assumedSize() default -1;

  @Description("Arguments whose value is the number of items returned, such as first.")
  String[] slicingArguments() default {};

  @Description("For a connection: its list fields that the slicing argument sizes.")
  String[] sizedFields() default {};
}

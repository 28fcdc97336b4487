package dev.jotter.platform.graphql;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.smallrye.graphql.api.Directive;
import io.smallrye.graphql.api.DirectiveLocation;
import java.lang.annotation.Retention;
import org.eclipse.microprofile.graphql.Description;

/**
 * What resolving a field costs compared with a plain field (weight 1), for the query cost limit
 * ({@link QueryCost}): the {@code @cost} directive of the GraphQL cost directives specification.
 * Fields that run a query of their own (a count, a search) weigh more.
 */
@Directive(on = DirectiveLocation.FIELD_DEFINITION)
@Description("What resolving this field counts for in the query cost limit; a plain field is 1.")
@Retention(RUNTIME)
public @interface Cost {

  @Description("The field's weight.")
  int weight();
}

/**
 * Jotter's own GraphQL over HTTP on SmallRye GraphQL's engine (Liberty's mpGraphQL feature is not
 * used): schema bootstrap, the {@code /graphql} servlet (POST and GET, media-type negotiation, size
 * limit, error codes) and the SDL at {@code /graphql/schema.graphql}; and how SmallRye's engine
 * runs Jotter's schema: its plug-ins found through {@code META-INF/services} ({@code EngineSetup},
 * {@code ApiBeanLookup}, {@code PlainFieldFetchers}), the limits on documents and executions, and
 * the answer's JSON ({@code DataAnswers}).
 */
package dev.jotter.platform.graphql;

/**
 * Jotter's own GraphQL over HTTP on SmallRye GraphQL's engine (Liberty's mpGraphQL feature is not
 * used): schema bootstrap, the {@code /graphql} servlet (POST and GET, media-type negotiation, size
 * limit, error codes) and the SDL at {@code /graphql/schema.graphql}.
 */
package dev.jotter.platform.graphql;

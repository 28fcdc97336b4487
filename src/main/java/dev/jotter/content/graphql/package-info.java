/**
 * The reader side of the GraphQL schema: {@code post}, {@code posts}, {@code author(s)}, {@code
 * tag(s)} and their output types. Uses only {@code content.api}; never sees an entity.
 */
package dev.jotter.content.graphql;

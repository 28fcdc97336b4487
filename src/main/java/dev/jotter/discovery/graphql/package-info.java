/**
 * The discovery side of the schema: {@code Post.related}, {@code search} and {@code archive}.
 * Extends content's output types, the one schema's shared types.
 */
package dev.jotter.discovery.graphql;

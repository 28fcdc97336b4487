/**
 * The discovery side of the schema: {@code Post.related}, {@code search} and {@code archive}, and
 * the editors' pins and exclusions ({@code pinRelatedPost} ..., {@code Post.relatedOverrides}).
 * Extends content's output types, the one schema's shared types.
 */
package dev.jotter.discovery.graphql;

/**
 * The staff side of the schema: mutations for sign-in, posts, tags, staff and webhooks, with their
 * input types (Bean Validation, field-level messages) and the typed edit conflict; the queries the
 * writing app lists and previews with ({@code staffPosts}, {@code renderMarkdown}, {@code
 * compareTexts}, {@code allAuthors}) and their output types.
 */
package dev.jotter.authoring.graphql;

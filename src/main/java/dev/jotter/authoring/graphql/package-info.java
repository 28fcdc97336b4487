/**
 * The staff side of the schema: mutations for sign-in, posts, tags, staff and webhooks, with their
 * input types (Bean Validation, field-level messages) and the typed edit conflict.
 */
package dev.jotter.authoring.graphql;

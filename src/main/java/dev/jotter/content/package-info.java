/**
 * Content: what readers query. Posts, authors and tags, published posts rendered from markdown, and
 * the blog's settings. Other modules use it only through {@code content.api}; its layers are {@code
 * domain} (entities, value objects, repository interfaces), {@code persistence} (JPA), {@code
 * internal} (services, the demo blog) and {@code graphql} (the reader side of the schema).
 */
package dev.jotter.content;

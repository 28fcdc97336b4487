/**
 * The content model: the {@code Post} aggregate with its authors and tags, and the value objects
 * that derive what a reader sees (rendered markdown, excerpt, slug, reading time). No JPA {@code
 * EntityManager} here: repositories are interfaces, implemented in {@code persistence}.
 */
package dev.jotter.content.domain;

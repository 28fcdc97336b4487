/**
 * Authoring: what staff change through authenticated mutations (drafts, publishing, scheduling,
 * revisions, staff accounts). Not built yet; it will reach content only through {@code content.api}
 * and announce changes with CDI events.
 */
package dev.jotter.authoring;

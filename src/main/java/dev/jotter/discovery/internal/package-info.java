/**
 * Discovery's services: the start-up rebuild and the event-driven refresh of the related lists and
 * the Lucene search index, the lists readers asked for kept between changes ({@link
 * dev.jotter.discovery.internal.RelatedListCache}), and search snippets. Reads content only through
 * {@code content.api}; listens to {@code authoring.api} events.
 */
package dev.jotter.discovery.internal;

/**
 * The content module's services: read transactions that map entities to {@code api} views, the
 * counts beside lists and the published posts kept between changes ({@link
 * dev.jotter.content.internal.PublishedCounts}, {@link
 * dev.jotter.content.internal.PublishedPostViews}), and the demo-blog seeder. Reached from outside
 * only through the {@code api} interfaces.
 */
package dev.jotter.content.internal;

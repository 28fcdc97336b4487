/**
 * Staff users, post revisions, webhooks and their deliveries, and upload records in SQL tables,
 * through JPA; the image files in a directory ({@link
 * dev.jotter.authoring.persistence.DirectoryImageStore}, the data directory's {@code images/}
 * unless {@code jotter.images.dir} names a directory several servers share).
 */
package dev.jotter.authoring.persistence;

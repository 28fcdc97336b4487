/**
 * Where images are kept: the upload records through JPA, the files in a directory ({@link
 * dev.jotter.images.persistence.DirectoryImageStore}, the data directory's {@code images/} unless
 * {@code jotter.images.dir} names a directory several servers share). Implements the domain's
 * interfaces only.
 */
package dev.jotter.images.persistence;

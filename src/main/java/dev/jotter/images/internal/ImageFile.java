package dev.jotter.images.internal;

import dev.jotter.images.domain.ImageStore.StoredFile;

/** A stored image file to serve: its content type, a strong ETag, and the file. */
public record ImageFile(String contentType, String etag, StoredFile file) {}

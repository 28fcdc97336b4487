package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ImageStore.StoredFile;

/** A stored image file to serve: its content type, a strong ETag, and the file. */
public record ImageFile(String contentType, String etag, StoredFile file) {}

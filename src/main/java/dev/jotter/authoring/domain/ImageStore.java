package dev.jotter.authoring.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Where image files are kept, by image id and file name. Files are written whole or not at all (a
 * reader never sees part of one) and never change once written: an id is a content hash. One
 * implementation keeps them in a directory ({@code DirectoryImageStore}); an object store would be
 * another.
 */
public interface ImageStore {

  /**
   * Stores an image's files. Each appears at once, complete; files already there (the same upload
   * again, or another server's) are left as they are.
   */
  void put(String id, Map<String, byte[]> files) throws IOException;

  /** A stored file, if there is one of this name. */
  Optional<StoredFile> find(String id, String fileName) throws IOException;

  /** A file in the store: its length, and its bytes on demand. */
  interface StoredFile {
    long size();

    InputStream open() throws IOException;
  }
}

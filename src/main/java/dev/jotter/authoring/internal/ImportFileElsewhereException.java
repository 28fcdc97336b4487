package dev.jotter.authoring.internal;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A checked import started on a server that does not hold its file: it waits in the data directory
 * of the server that checked it, which the message names. Shown with {@code extensions.code}
 * IMPORT_FILE_ELSEWHERE.
 */
@ErrorCode("IMPORT_FILE_ELSEWHERE")
public class ImportFileElsewhereException extends Exception {

  private static final long serialVersionUID = 1L;

  public ImportFileElsewhereException(String message) {
    super(message);
  }
}

package dev.jotter.authoring.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where an import is. */
@Enum("ImportState")
@Description("Where an import is: checked and waiting, running, done, or stopped.")
public enum ImportState {
  @Description("Checked (the dry run of POST /imports) and waiting for startImport.")
  READY,
  @Description("Running in the background: done counts the items tried so far.")
  RUNNING,
  @Description("Every item was tried; errors lists those not saved.")
  DONE,
  @Description(
      "Stopped before the end (the file could not be read further, or the server running it"
          + " stopped), or not started in time: errors says why.")
  FAILED
}

package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.ImportFileElsewhereException;
import dev.jotter.authoring.internal.Imports;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Imports, for administrators: the file is sent and checked over plain HTTP (POST /imports); these
 * run it and follow it. The rules are {@link Imports}'.
 */
@GraphQLApi
@ApplicationScoped
public class ImportsGraphQLApi {

  @Inject Imports imports;

  @Mutation("startImport")
  @Description(
      "Runs a checked import (the id POST /imports answered) in the background and answers at"
          + " once; follow it with importJob. Each item is saved in a transaction of its own:"
          + " one that fails is reported and leaves nothing behind. Administrators, on the server"
          + " that checked the file (elsewhere: IMPORT_FILE_ELSEWHERE, naming it).")
  public @NonNull ImportJobView startImport(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException,
          ImportFileElsewhereException {
    return new ImportJobView(imports.start(id));
  }

  @Query("importJob")
  @Description("An import and its progress: administrators.")
  public @NonNull ImportJobView importJob(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    return new ImportJobView(imports.job(id));
  }
}

package dev.jotter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of STYLE.md, checked on the compiled classes: modules meet only through
 * their {@code api} packages (or CDI events), and each kind of class lives in its layer.
 */
class ArchitectureTest {

  static final String[] MODULES = {"content", "authoring", "discovery"};
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jotter");
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("dev.jotter.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Modules meet through {@code api} packages. One exception: another module's GraphQL layer may
   * use content's GraphQL output types, to add fields to them ({@code Post.related}) or return them
   * ({@code SearchHit.post}): they are the one schema's shared types.
   */
  @Test
  void modulesMeetOnlyThroughTheirApi() {
    for (String module : MODULES) {
      String inside = "dev.jotter." + module + "..";
      noClasses()
          .that()
          .resideOutsideOfPackage(inside)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.jotter." + module + ".domain..",
              "dev.jotter." + module + ".persistence..",
              "dev.jotter." + module + ".internal..")
          .allowEmptyShould(true)
          .check(classes);
      noClasses()
          .that()
          .resideOutsideOfPackage(inside)
          .and()
          .resideOutsideOfPackage(module.equals("content") ? "dev.jotter.*.graphql.." : inside)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.jotter." + module + ".graphql..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void thePlatformDependsOnNoModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.jotter.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jotter.content..", "dev.jotter.authoring..", "dev.jotter.discovery..")
        .check(classes);
  }

  @Test
  void onlyPersistenceUsesTheEntityManager() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..persistence..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .check(classes);
  }

  @Test
  void entitiesLiveInTheDomain() {
    classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage("..domain..")
        .check(classes);
  }

  @Test
  void graphQLApisLiveInTheGraphQLLayer() {
    classes()
        .that()
        .areAnnotatedWith(GraphQLApi.class)
        .should()
        .resideInAPackage("..graphql..")
        .check(classes);
  }

  @Test
  void theGraphQLLayerNeverSeesEntities() {
    noClasses()
        .that()
        .resideInAPackage("..graphql..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .check(classes);
  }

  @Test
  void theApiDependsOnNothingInsideItsModule() {
    noClasses()
        .that()
        .resideInAPackage("..api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.jotter..domain..",
            "dev.jotter..persistence..",
            "dev.jotter..internal..",
            "dev.jotter..graphql..")
        .check(classes);
  }
}

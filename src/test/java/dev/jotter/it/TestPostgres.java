package dev.jotter.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL server the tests may use, named by environment variables ({@code .ci/run} installs
 * and starts one and sets them): {@code JOTTER_IT_POSTGRES_URL} (a JDBC URL without database name,
 * such as {@code jdbc:postgresql://localhost:5432/}), {@code JOTTER_IT_POSTGRES_USER} and {@code
 * JOTTER_IT_POSTGRES_PASSWORD} (a role that may create databases). Without them the PostgreSQL
 * variants of the tests are skipped, saying so.
 */
public final class TestPostgres {

  private TestPostgres() {}

  /**
   * Makes the empty database of the PostgreSQL run of the Arquillian suite ({@code pom.xml}'s
   * postgres profile runs this before the suite's server starts): {@code TestPostgres NAME}.
   */
  public static void main(String[] args) {
    if (args.length != 1 || !available()) {
      System.err.println("usage: JOTTER_IT_POSTGRES_URL=... TestPostgres DATABASE_NAME");
      System.exit(2);
    }
    freshDatabase(args[0]);
    System.out.println("PostgreSQL database " + args[0] + ": created empty");
  }

  /** Whether a PostgreSQL server was named ({@code JOTTER_IT_POSTGRES_URL}). */
  static boolean available() {
    String url = System.getenv("JOTTER_IT_POSTGRES_URL");
    return url != null && !url.isBlank();
  }

  /**
   * Drops and creates the database {@code name}, and returns the environment variables that point a
   * Jotter server at it.
   */
  static Map<String, String> freshDatabase(String name) {
    assumeTrue(
        available(),
        "no PostgreSQL for the tests: set JOTTER_IT_POSTGRES_URL, _USER and _PASSWORD (.ci/run does)");
    String url = System.getenv("JOTTER_IT_POSTGRES_URL");
    String user = System.getenv().getOrDefault("JOTTER_IT_POSTGRES_USER", "jotter");
    String password = System.getenv().getOrDefault("JOTTER_IT_POSTGRES_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(url + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the PostgreSQL database " + name + ": " + e.getMessage(), e);
    }
    return Map.of(
        "JOTTER_DB_DRIVER",
        "postgresql",
        "JOTTER_DB_URL",
        url + name,
        "JOTTER_DB_USER",
        user,
        "JOTTER_DB_PASSWORD",
        password);
  }
}

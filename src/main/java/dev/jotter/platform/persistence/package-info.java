/**
 * The database at start-up: Flyway migrations from {@code db/migration} (SQL for H2 and
 * PostgreSQL), then the {@code DatabaseMigrated} event for modules that seed data.
 */
package dev.jotter.platform.persistence;

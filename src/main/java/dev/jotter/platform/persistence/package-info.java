/**
 * The database at start-up: an embedded H2 file left by a crash is made whole before anything opens
 * it, commits are made durable (H2's write delay 0; PostgreSQL's synchronous_commit is checked),
 * Flyway applies the migrations from {@code db/migration} (SQL for H2 and PostgreSQL), then the
 * {@code DatabaseMigrated} event is fired for modules that seed data.
 */
package dev.jotter.platform.persistence;

package dev.jotter.platform.persistence;

/**
 * Fired once at start-up when the database schema is up to date, before the application serves
 * requests: observe it to put data in the database at start (the demo blog, for example).
 *
 * @param schemaVersion the version of the newest migration applied
 * @param appliedNow how many migrations this start applied
 */
public record DatabaseMigrated(String schemaVersion, int appliedNow) {}

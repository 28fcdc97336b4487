/** The precomputed related lists and editors' overrides in SQL tables, written in JDBC batches. */
package dev.jotter.discovery.persistence;

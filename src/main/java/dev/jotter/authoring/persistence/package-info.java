/** Staff users and post revisions in SQL tables, through JPA. */
package dev.jotter.authoring.persistence;

/** Staff users, post revisions, webhooks and their deliveries in SQL tables, through JPA. */
package dev.jotter.authoring.persistence;

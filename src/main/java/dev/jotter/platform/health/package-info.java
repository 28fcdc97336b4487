/** MicroProfile Health checks behind {@code /health}: liveness, and readiness of the database. */
package dev.jotter.platform.health;

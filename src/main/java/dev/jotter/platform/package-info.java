/**
 * What every module needs and no module owns: the GraphQL-over-HTTP transport, error codes,
 * database migrations and health checks. Depends on no module.
 */
package dev.jotter.platform;

/**
 * The durable change log (a transactional outbox): the module that changes state appends what
 * changed in the same transaction ({@code ChangeLog}); consumers in any module ({@code
 * ChangeConsumer}: discovery's indexes, the scheduler) each keep their own position, on every
 * server, and are handed every change in order, after a crash or a restart too ({@code
 * ChangeRelay}). Depends on no module.
 */
package dev.jotter.platform.changes;

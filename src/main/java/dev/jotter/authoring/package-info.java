/**
 * Authoring: what staff change through authenticated mutations. Staff accounts and sign-in (RS256
 * tokens that Liberty's MicroProfile JWT verifies), roles checked in the services, drafts,
 * publishing, scheduling, the trash, revisions, tags, profiles, preview links, webhooks and the
 * blog's settings. It reaches content only through {@code content.api}; content announces what
 * changed in the change log, which authoring follows too (schedules, webhooks).
 */
package dev.jotter.authoring;

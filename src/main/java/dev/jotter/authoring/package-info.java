/**
 * Authoring: what staff change through authenticated mutations. Staff accounts and sign-in (RS256
 * tokens that Liberty's MicroProfile JWT verifies), roles checked in the services, drafts,
 * publishing, scheduling, the trash, revisions, tags and profiles. It reaches content only through
 * {@code content.api} and announces changes with the CDI events of {@code authoring.api}.
 */
package dev.jotter.authoring;

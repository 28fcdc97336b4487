/**
 * Authoring: what staff change through authenticated mutations. Staff accounts and sign-in (RS256
 * tokens that Liberty's MicroProfile JWT verifies), roles checked in the services, drafts,
 * publishing, scheduling, the trash, revisions, tags, profiles, preview links, webhooks, the blog's
 * settings and uploaded images ({@code POST /images}: decoded to prove they are images, re-encoded
 * without metadata, stored with resized variants and served immutable; it implements content's
 * {@code ResponsiveImages}, so posts' images get width, height and srcset). It reaches content only
 * through {@code content.api}; content announces what changed in the change log, which authoring
 * follows too (schedules, webhooks).
 */
package dev.jotter.authoring;

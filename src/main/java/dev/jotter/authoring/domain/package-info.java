/**
 * Authoring's rules without a server: staff users and their roles, who may do what to a post
 * ({@link dev.jotter.authoring.domain.Permissions}), password hashes, sign-in throttling, post
 * revisions, and webhooks (where they may be sent, their signature, their retries).
 */
package dev.jotter.authoring.domain;

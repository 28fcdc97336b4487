/**
 * Authoring's rules without a server: staff users and their roles, who may do what to a post
 * ({@link dev.jotter.authoring.domain.Permissions}), password hashes, sign-in throttling and post
 * revisions.
 */
package dev.jotter.authoring.domain;

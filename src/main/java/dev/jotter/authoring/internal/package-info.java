/**
 * Authoring's services, each method one transaction: {@link
 * dev.jotter.authoring.internal.PostAuthoring} (posts), {@link
 * dev.jotter.authoring.internal.StaffAccounts} (setup, sign-in, staff), {@link
 * dev.jotter.authoring.internal.TagAuthoring}; the signed-in caller ({@link
 * dev.jotter.authoring.internal.CurrentStaff}), token signing and keys, and the publish scheduler.
 */
package dev.jotter.authoring.internal;

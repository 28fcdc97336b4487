/**
 * Authoring's services, each method one transaction: {@link
 * dev.jotter.authoring.internal.PostAuthoring} (posts), {@link
 * dev.jotter.authoring.internal.StaffAccounts} (setup, sign-in, staff), {@link
 * dev.jotter.authoring.internal.TagAuthoring}; the signed-in caller ({@link
 * dev.jotter.authoring.internal.CurrentStaff}), token signing and keys, the publish scheduler, and
 * webhooks ({@link dev.jotter.authoring.internal.Webhooks}: their rules; the change-log follower
 * that makes deliveries and the dispatcher that sends them), image uploads ({@link
 * dev.jotter.authoring.internal.ImageUploads}: who may, how large, store then record), the image
 * lookups content asks for, and moving in and out ({@link dev.jotter.authoring.internal.Imports}
 * with the images of an export ({@link dev.jotter.authoring.internal.ImageImports}) and the sweeper
 * of imports nobody finishes ({@link dev.jotter.authoring.internal.ImportSweeper}); {@link
 * dev.jotter.authoring.internal.Exports}).
 */
package dev.jotter.authoring.internal;

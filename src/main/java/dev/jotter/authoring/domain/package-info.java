/**
 * Authoring's rules without a server: staff users and their roles, who may do what to a post
 * ({@link dev.jotter.authoring.domain.Permissions}), password hashes, sign-in throttling, post
 * revisions, line diffs of two texts ({@link dev.jotter.authoring.domain.LineDiff}: Myers'
 * algorithm with a bound on its cost), webhooks (where they may be sent, their signature, their
 * retries), and uploaded images: the rules of decoding and re-encoding an upload ({@link
 * dev.jotter.authoring.domain.ImageCodec}: which formats, how many pixels, which widths), the
 * stored record ({@link dev.jotter.authoring.domain.Image}), its addresses and srcset, and the
 * interfaces of their storage ({@link dev.jotter.authoring.domain.ImageStore}); and imports: the
 * readers of other blogs' files, zips read under limits ({@link
 * dev.jotter.authoring.domain.SafeZip}), the images an export carries ({@link
 * dev.jotter.authoring.domain.ExportedImage}) and what becomes of imports nobody finishes ({@link
 * dev.jotter.authoring.domain.ImportHousekeeping}).
 */
package dev.jotter.authoring.domain;

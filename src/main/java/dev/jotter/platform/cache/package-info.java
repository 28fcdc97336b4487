/**
 * Answers kept for readers: a bounded cache of anonymous GraphQL answers on this server, each
 * listed under the keys of what it contains ({@code post:12}, {@code Query.posts}), and dropped
 * when a change makes one of those keys stale. The modules name the keys ({@link CacheKeys}); the
 * platform knows no module. The same keys go to CDNs as cache tags. Beneath it, modules keep read
 * models of their own state until any change ({@link dev.jotter.platform.cache.KeptUntilChange}).
 */
package dev.jotter.platform.cache;

/**
 * Discovery: related posts, search and feeds. Not built yet; it will read content through {@code
 * content.api} and listen to authoring's events.
 */
package dev.jotter.discovery;

/**
 * The content module's published contract: catalog interfaces and immutable views (records) of
 * posts, authors and tags. Depends on nothing else in the module; other modules may use it.
 */
package dev.jotter.content.api;

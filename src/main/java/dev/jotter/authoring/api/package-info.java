/**
 * The authoring module's published language: the CDI events it fires after a successful commit,
 * carrying post ids, for other modules (discovery) to observe.
 */
package dev.jotter.authoring.api;

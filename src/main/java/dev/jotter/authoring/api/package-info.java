/**
 * The authoring module's published language: the CDI events it fires after a successful commit,
 * carrying post ids, for other modules (discovery) to observe; and {@link
 * dev.jotter.authoring.api.StaffGate}, for other modules' staff-only changes.
 */
package dev.jotter.authoring.api;

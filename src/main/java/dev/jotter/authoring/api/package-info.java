/**
 * What the authoring module offers other modules: {@link dev.jotter.authoring.api.StaffGate}, so
 * that their staff-only changes check the signed-in staff user's role (and their staff-only fields
 * whether an editor is signed in). (Post lifecycle events are the content module's: {@code
 * dev.jotter.content.api.ContentEvent}.)
 */
package dev.jotter.authoring.api;

/**
 * The image services: the upload (who may, how large, store then record) and the lookups content
 * asks for. Depends on the domain, authoring's {@code StaffGate} and content's {@code api}.
 */
package dev.jotter.images.internal;

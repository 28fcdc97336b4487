/**
 * Images over plain HTTP: {@code POST /images} to upload, {@code GET /images/…} to read. Translates
 * requests and answers (JSON errors shaped like GraphQL's, never HTML); the rules are in {@code
 * internal}.
 */
package dev.jotter.authoring.web;

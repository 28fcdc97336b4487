/**
 * The reader front end's web plumbing: clean page URLs served by one static page shell under {@code
 * /app/}, which reads everything from {@code /graphql}.
 */
package dev.jotter.platform.web;

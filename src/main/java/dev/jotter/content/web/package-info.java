/**
 * The content's part of the reader pages: the {@code <head>} of a post, tag or author page (title,
 * description, canonical link, Open Graph, Twitter, JSON-LD) filled on the server, for link
 * previews and crawlers that run no script.
 */
package dev.jotter.content.web;

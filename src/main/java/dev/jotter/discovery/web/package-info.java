/**
 * Discovery over plain HTTP: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the blog, each tag and each
 * author, and the sitemap, with ETag/Last-Modified and 304 for conditional requests.
 */
package dev.jotter.discovery.web;

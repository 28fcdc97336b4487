/**
 * JPA repositories for the content model (EclipseLink inside Liberty). Lists of posts are read with
 * keyset paging and batch-fetched authors and tags: three SQL statements a page.
 */
package dev.jotter.content.persistence;

package dev.jotter.content.api;

/** An author as readers see them: the author card and author page. */
public record AuthorView(
    long id,
    String slug,
    String name,
    String bio,
    String avatarUrl,
    String website,
    String location) {}

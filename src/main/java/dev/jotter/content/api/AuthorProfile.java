package dev.jotter.content.api;

/** What an author says about themselves on their card; a null field is left as it is. */
public record AuthorProfile(
    String name, String bio, String avatarUrl, String website, String location) {}

package dev.jotter.content.api;

/** A public tag as readers see it. */
public record TagView(long id, String slug, String name, String description) {}

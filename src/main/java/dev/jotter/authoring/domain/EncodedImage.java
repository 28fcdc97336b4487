package dev.jotter.authoring.domain;

/** One stored size of an image: its pixels re-encoded, nothing else (no metadata). */
public record EncodedImage(int width, int height, byte[] bytes) {}

package dev.jotter.content.api;

/**
 * What a frontend needs to show one of the blog's uploaded images at a size that fits: the
 * dimensions of the file at {@code url} and a {@code srcset} of every stored width.
 */
public record ResponsiveImage(String url, int width, int height, String srcset) {}

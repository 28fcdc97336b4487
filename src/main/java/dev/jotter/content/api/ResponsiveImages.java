package dev.jotter.content.api;

import java.util.Collection;
import java.util.Map;

/**
 * Dimensions and widths of the images uploaded to this blog, which content asks for when it renders
 * a body (its {@code <img>} elements get width, height and srcset) and when it answers a feature
 * image. Implemented by authoring (its uploads); URLs that are not uploads are left out.
 */
public interface ResponsiveImages {

  /** Knows no image: every URL is someone else's. */
  ResponsiveImages NONE = urls -> Map.of();

  /**
   * The uploads among these URLs (site-relative {@code /images/…} or absolute at the blog's public
   * address), by the URL as given; at most one query for all of them, none when no URL is an
   * upload's.
   */
  Map<String, ResponsiveImage> find(Collection<String> urls);
}

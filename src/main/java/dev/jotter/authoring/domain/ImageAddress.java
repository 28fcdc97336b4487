package dev.jotter.authoring.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an image file is: {@code /images/<id>/<file>}, site-relative or absolute at the blog's
 * public address. Anything else (another site's image, a path outside {@code /images/}, a name no
 * upload could have) is no upload's.
 */
public record ImageAddress(String id, String fileName) {

  /** The path every image file's URL starts with. */
  public static final String PREFIX = "/images/";

  private static final Pattern PATH =
      Pattern.compile(
          "/images/([0-9a-f]{" + Image.ID_LENGTH + "})/([a-z0-9]+(?:-[a-z0-9]+)*\\.(?:png|jpg))");

  /** The image file a path of this site names ({@code /images/…}), if it is one. */
  public static Optional<ImageAddress> ofPath(String path) {
    if (path == null || path.length() > 200) {
      return Optional.empty();
    }
    Matcher m = PATH.matcher(path);
    return m.matches() ? Optional.of(new ImageAddress(m.group(1), m.group(2))) : Optional.empty();
  }

  /**
   * The image file a URL names: a site path, or an absolute URL at {@code publicUrl} (without its
   * trailing slash).
   */
  public static Optional<ImageAddress> ofUrl(String url, String publicUrl) {
    if (url == null) {
      return Optional.empty();
    }
    if (url.startsWith(PREFIX)) {
      return ofPath(url);
    }
    if (publicUrl != null && url.startsWith(publicUrl + PREFIX)) {
      return ofPath(url.substring(publicUrl.length()));
    }
    return Optional.empty();
  }
}

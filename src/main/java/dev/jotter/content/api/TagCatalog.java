package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What readers may see of tags: public tags only; internal ({@code #}) tags do not exist here. */
public interface TagCatalog {

  Optional<TagView> findPublicBySlug(String slug);

  /** Every public tag, by name. */
  List<TagView> findAllPublic();

  /**
   * Up to {@code first} public tags by name, after the tag with slug {@code after} (null: from the
   * start).
   *
   * @throws InvalidArgumentException when there is no public tag {@code after}
   */
  List<TagView> findPublicPage(String after, int first) throws InvalidArgumentException;

  /** Published posts per tag id, in one query; 0 where none. */
  Map<Long, Long> countPublishedPosts(List<Long> tagIds);
}

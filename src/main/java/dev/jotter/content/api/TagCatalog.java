package dev.jotter.content.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What readers may see of tags: public tags only; internal ({@code #}) tags do not exist here. */
public interface TagCatalog {

  Optional<TagView> findPublicBySlug(String slug);

  /** Every public tag, by name. */
  List<TagView> findAllPublic();

  /** Published posts per tag id, in one query; 0 where none. */
  Map<Long, Long> countPublishedPosts(List<Long> tagIds);
}

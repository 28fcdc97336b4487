package dev.jotter.authoring.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The records of uploaded images. */
public interface ImageRepository {

  Optional<Image> findById(String id);

  /** The images of these ids that exist, in one query. */
  List<Image> findByIds(Collection<String> ids);

  /** Records an image whose files are all stored. */
  void save(Image image);

  /** Up to {@code limit} images with ids after {@code afterId} ("" for the first), by id. */
  List<Image> findAfter(String afterId, int limit);
}

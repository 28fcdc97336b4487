package dev.jotter.content.domain;

/** Where the blog's settings are kept: one row, there from the first start. */
public interface BlogSettingsStore {

  SavedBlogSettings read();

  /** The settings, locked until the caller's transaction ends: changes are made one at a time. */
  SavedBlogSettings readForUpdate();

  void write(SavedBlogSettings settings);
}

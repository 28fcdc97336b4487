package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.FrontMatter;
import dev.jotter.authoring.domain.GhostExport;
import dev.jotter.authoring.domain.Image;
import dev.jotter.authoring.domain.ImageRepository;
import dev.jotter.authoring.domain.ImageStore;
import dev.jotter.authoring.domain.Role;
import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.TagEditor;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole blog for administrators to take elsewhere, written as it is read: posts a page at a
 * time (each page its own read), images file by file, so memory does not grow with the blog.
 */
@ApplicationScoped
public class Exports {

  /** Posts read at once. */
  static final int PAGE = 100;

  @Inject StaffAccounts accounts;
  @Inject PostEditor editor;
  @Inject ImageRepository images;
  @Inject ImageStore store;

  @Inject TagEditor tags;
  @Inject AuthorCatalog authors;

  /**
   * The blog as Ghost's JSON export: every post that is not in the trash with its tags, authors and
   * SEO fields, every tag and author card. Administrators only.
   */
  public Export ghostJson() throws UnauthenticatedException, ForbiddenException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "export the blog");
    return out ->
        GhostExport.write(
            unclosable(out),
            sink -> {
              long after = 0;
              while (true) {
                List<EditablePost> page = editor.findAfter(after, PAGE);
                for (EditablePost post : page) {
                  sink.accept(post);
                  after = post.id();
                }
                if (page.size() < PAGE) {
                  return;
                }
              }
            },
            tags.findAll(),
            authors.findAll());
  }

  /** The response's stream, which the container closes itself. */
  private static OutputStream unclosable(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  /** Something written to a response once the caller was allowed to ask for it. */
  @FunctionalInterface
  public interface Export {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Every post that is not in the trash as {@code posts/<slug>.md} (YAML front matter, then the
   * Markdown), and every stored image file as {@code images/<id>/<file>}. Administrators only.
   */
  public Export markdownZip() throws UnauthenticatedException, ForbiddenException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "export the blog");
    return out -> {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      long after = 0;
      while (true) {
        List<EditablePost> page = editor.findAfter(after, PAGE);
        for (EditablePost post : page) {
          zip.putNextEntry(new ZipEntry("posts/" + post.post().slug() + ".md"));
          zip.write(FrontMatter.write(post).getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
          after = post.id();
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      String afterImage = "";
      while (true) {
        List<Image> page = images.findAfter(afterImage, PAGE);
        for (Image image : page) {
          for (String name : image.fileNames()) {
            Optional<ImageStore.StoredFile> file = store.find(image.id(), name);
            if (file.isEmpty()) {
              continue;
            }
            zip.putNextEntry(new ZipEntry("images/" + image.id() + "/" + name));
            try (InputStream in = file.get().open()) {
              in.transferTo(zip);
            }
            zip.closeEntry();
          }
          afterImage = image.id();
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      zip.finish();
      zip.flush();
    };
  }
}

package dev.jotter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jotter.content.api.ArchiveMonth;
import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.TagCatalog;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counts beside lists (all posts, a tag's, an author's, the archive's months) are kept between
 * changes, and every change to the content is seen in them at once: after a publish, after an
 * unpublish, and not before the publishing transaction has committed, even for a count read while
 * it was open.
 */
@ExtendWith(ArquillianExtension.class)
class PublishedCountsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.jotter(TestContent.class);
  }

  @Inject TestContent content;
  @Inject PostCatalog posts;
  @Inject TagCatalog tags;
  @Inject AuthorCatalog authors;

  private static final OffsetDateTime MARCH_2011 = OffsetDateTime.parse("2011-03-15T12:00:00Z");

  @Test
  void everyCountFollowsAPublishAndAnUnpublishAtOnce() {
    String tag = "counts-" + System.nanoTime();
    long firstPost =
        content.post(tag + "-a", "## A\n\nOne.", List.of("astro"), List.of(tag), MARCH_2011).id();
    Counts before = counts(tag);
    assertEquals(1, before.ofTag());
    assertEquals(before, counts(tag), "read twice, the same (the second time kept)");

    long secondPost =
        content.post(tag + "-b", "## B\n\nTwo.", List.of("astro"), List.of(tag), MARCH_2011).id();
    Counts after = counts(tag);
    assertEquals(before.all() + 1, after.all(), "totalCount of all posts");
    assertEquals(2, after.ofTag(), "totalCount of the tag's posts");
    assertEquals(2, after.tagPostCount(), "Tag.postCount");
    assertEquals(before.authorPostCount() + 1, after.authorPostCount(), "Author.postCount");
    assertEquals(before.inMarch2011() + 1, after.inMarch2011(), "the archive's month");

    content.unpublish(secondPost);
    content.unpublish(firstPost);
    Counts gone = counts(tag);
    assertEquals(before.all() - 1, gone.all());
    assertEquals(0, gone.ofTag());
    assertEquals(0, gone.tagPostCount());
    assertEquals(before.inMarch2011() - 1, gone.inMarch2011());
  }

  @Test
  void aCountReadWhileAPublishIsOpenIsNotKeptPastItsCommit() throws Exception {
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    long all = posts.countPublished(PostFilter.NONE);
    transaction.begin();
    long id;
    try {
      id =
          content
              .post(
                  "counts-open-" + System.nanoTime(),
                  "## C\n\nThree.",
                  List.of("astro"),
                  List.of(),
                  MARCH_2011)
              .id();
      // another reader, meanwhile: it sees the committed blog, and what it reads is not kept
      long meanwhile =
          executor.submit(() -> posts.countPublished(PostFilter.NONE)).get(30, TimeUnit.SECONDS);
      assertEquals(all, meanwhile, "the open publish is not visible to another reader");
      transaction.commit();
    } catch (Exception e) {
      transaction.rollback();
      throw e;
    }
    assertEquals(all + 1, posts.countPublished(PostFilter.NONE), "counted right after the commit");
    content.unpublish(id);
    assertEquals(all, posts.countPublished(PostFilter.NONE));
  }

  record Counts(long all, long ofTag, long tagPostCount, long authorPostCount, int inMarch2011) {}

  private Counts counts(String tag) {
    long tagId = tags.findPublicBySlug(tag).map(t -> t.id()).orElse(-1L);
    long authorId = authors.findBySlug("astro").orElseThrow().id();
    return new Counts(
        posts.countPublished(PostFilter.NONE),
        posts.countPublished(new PostFilter(tag, null)),
        tags.countPublishedPosts(List.of(tagId)).getOrDefault(tagId, 0L),
        authors.countPublishedPosts(List.of(authorId)).getOrDefault(authorId, 0L),
        posts.archive().stream()
            .filter(m -> m.year() == 2011 && m.month() == 3)
            .mapToInt(ArchiveMonth::count)
            .findFirst()
            .orElse(0));
  }
}

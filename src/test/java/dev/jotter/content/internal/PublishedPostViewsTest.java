package dev.jotter.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.cache.Invalidation;
import dev.jotter.platform.cache.ResponseCache;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeLog;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model of published posts serves what it read once, and never a view older than the last
 * change this server committed: not while a change is under way, not one read across a change, and
 * not to a caller in a transaction.
 */
class PublishedPostViewsTest {

  private final Transactions transactions = new Transactions();
  private final List<Invalidation> fired = new ArrayList<>();
  private final Map<Long, String> titles = new HashMap<>(Map.of(1L, "First", 2L, "Second"));
  private final AtomicInteger reads = new AtomicInteger();
  private PublishedPostViews views;

  @BeforeEach
  void model() {
    views = new PublishedPostViews();
    views.maxBytes = 1 << 20;
    views.transactions = transactions;
    views.responses =
        new ResponseCache() {
          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public Set<String> stale(Change change) {
            return Set.of("post:" + change.subjectId());
          }
        };
    views.invalidation = new Fired(fired);
    views.init();
  }

  @Test
  void aPostReadOnceIsServedFromMemoryBySlugAndById() {
    assertEquals("First", bySlug("post-1"));
    assertEquals("First", bySlug("post-1"));
    assertEquals("First", byId(1));
    assertEquals(1, reads.get(), "one read of the database");
    assertEquals("Second", byId(2));
    assertEquals(Map.of(1L, "First", 2L, "Second"), byIds(List.of(1L, 2L)));
    assertEquals(2, reads.get());
  }

  @Test
  void whileAChangeIsUnderWayEveryReadGoesToTheDatabaseAndNothingIsKept() {
    bySlug("post-1");
    transactions.begin();
    record(1);
    titles.put(1L, "First, renamed"); // written, committed below
    transactions.status = Status.STATUS_NO_TRANSACTION; // readers on other threads have none
    assertEquals("First, renamed", bySlug("post-1"), "the database, not the view before");
    assertEquals("First, renamed", bySlug("post-1"));
    assertEquals(3, reads.get(), "nothing was kept during the change");
    transactions.complete();
    assertEquals("First, renamed", bySlug("post-1"));
    assertEquals("First, renamed", bySlug("post-1"));
    assertEquals(4, reads.get(), "kept again once the change has completed");
  }

  @Test
  void aViewReadAcrossAChangeIsNotKept() {
    Optional<PostView> read =
        views.bySlug(
            "post-1",
            slug -> {
              Optional<PostView> old = database(slug);
              views.apply(List.of(change(1))); // another server's change, heard meanwhile
              titles.put(1L, "First, renamed");
              return old;
            });
    assertEquals("First", read.orElseThrow().title());
    assertEquals("First, renamed", bySlug("post-1"), "the old view was not kept");
  }

  @Test
  void aChangeFromTheLogForgetsEveryPostAndDropsItsAnswersAgain() {
    byIds(List.of(1L, 2L));
    titles.put(2L, "Second, renamed");
    views.apply(List.of(change(2)));
    assertEquals("Second, renamed", byId(2));
    assertEquals(2, reads.get());
    assertEquals(1, fired.size());
    assertEquals(Set.of("post:2"), fired.get(0).keys());
  }

  @Test
  void aCallerInATransactionReadsTheDatabase() {
    bySlug("post-1");
    transactions.begin();
    titles.put(1L, "First, renamed");
    assertEquals("First, renamed", bySlug("post-1"));
    assertEquals("First, renamed", byId(1));
    assertEquals(3, reads.get());
  }

  @Test
  void aPageOfIdsIsKeptUntilAChange() {
    List<Long> first = pageIds(List.of(2L, 1L));
    assertEquals(List.of(2L, 1L), first);
    assertEquals(List.of(2L, 1L), pageIds(List.of(3L, 2L)), "kept");
    assertEquals(1, reads.get());
    views.apply(List.of(change(3)));
    assertEquals(List.of(3L, 2L), pageIds(List.of(3L, 2L)), "read again after the change");
    assertEquals(2, reads.get());
  }

  @Test
  void withNoBytesTheModelIsOff() {
    views.maxBytes = 0;
    views.init();
    bySlug("post-1");
    bySlug("post-1");
    assertEquals(2, reads.get());
  }

  @Test
  void aSlugNotPublishedIsReadEachTime() {
    assertTrue(views.bySlug("nothing", this::database).isEmpty());
    assertTrue(views.bySlug("nothing", this::database).isEmpty());
    assertEquals(2, reads.get());
  }

  private List<Long> pageIds(List<Long> inDatabase) {
    return views.pageIds(
        PostFilter.NONE,
        PostOrder.PUBLISHED_AT_DESC,
        null,
        20,
        () -> {
          reads.incrementAndGet();
          return inDatabase;
        });
  }

  private void record(long postId) {
    views.recording(new ChangeLog.Uncommitted(change(postId)));
  }

  private static Change change(long postId) {
    return new Change(postId, "post-updated", postId, OffsetDateTime.now());
  }

  private String bySlug(String slug) {
    return views.bySlug(slug, this::database).orElseThrow().title();
  }

  private String byId(long id) {
    return byIds(List.of(id)).get(id);
  }

  private Map<Long, String> byIds(Collection<Long> ids) {
    Map<Long, String> found = new HashMap<>();
    views
        .byIds(
            ids,
            wanted -> {
              reads.incrementAndGet();
              Map<Long, PostView> read = new HashMap<>();
              wanted.forEach(id -> read.put(id, view(id)));
              return read;
            })
        .forEach((id, view) -> found.put(id, view.title()));
    return found;
  }

  private Optional<PostView> database(String slug) {
    reads.incrementAndGet();
    return slug.startsWith("post-")
        ? Optional.of(view(Long.parseLong(slug.substring(5))))
        : Optional.empty();
  }

  private PostView view(long id) {
    OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    return new PostView(
        id,
        "post-" + id,
        titles.get(id),
        null,
        "<p>Words.</p>",
        "Words.",
        "Words.",
        null,
        List.of(),
        null,
        PostStatus.PUBLISHED,
        at,
        at,
        at,
        ReadingTime.of(1, 0),
        1L,
        List.of(new AuthorView(7L, "ann", "Ann", null, null, null, null)),
        List.of(new TagView(3L, "notes", "Notes", null)),
        false,
        PostSeo.NONE);
  }

  /** One thread's transaction: its status, and its synchronizations run at completion. */
  private static final class Transactions implements TransactionSynchronizationRegistry {
    int status = Status.STATUS_NO_TRANSACTION;
    final List<Synchronization> synchronizations = new ArrayList<>();

    void begin() {
      status = Status.STATUS_ACTIVE;
    }

    void complete() {
      status = Status.STATUS_NO_TRANSACTION;
      synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
      synchronizations.clear();
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public Object getTransactionKey() {
      return status == Status.STATUS_ACTIVE ? this : null;
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  /** The CDI event, as a list of what was fired. */
  private record Fired(List<Invalidation> fired) implements Event<Invalidation> {
    @Override
    public void fire(Invalidation event) {
      fired.add(event);
    }

    @Override
    public <U extends Invalidation> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends Invalidation> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<Invalidation> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends Invalidation> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends Invalidation> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}

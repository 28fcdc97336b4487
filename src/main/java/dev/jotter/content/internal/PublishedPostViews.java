package dev.jotter.content.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostView;
import dev.jotter.platform.cache.Invalidation;
import dev.jotter.platform.cache.KeptUntilChange;
import dev.jotter.platform.cache.ResponseCache;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import dev.jotter.platform.changes.ChangeLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's read model of published posts: their views by id, the id of each slug asked for and
 * the ids of each page of a list asked for, bounded in bytes (the least used go first) and kept
 * until the content changes ({@link KeptUntilChange}). Readers' post pages and lists take their
 * posts from it instead of reading whole posts with their authors and tags through JPA, each in a
 * transaction (a third of an uncached post page's CPU). Only callers outside a transaction use it:
 * what runs in one (writes, discovery following the change log) reads the database itself, so it
 * never works from a view this server has not yet heard is stale.
 */
@ApplicationScoped
public class PublishedPostViews implements ChangeConsumer {

  /** Slugs asked for, each with its post's id. */
  static final int MAX_SLUGS = 10_000;

  /** Bytes of the pages' ids kept: eight an id, thousands of pages. */
  static final long MAX_PAGE_BYTES = 1 << 20;

  /** What a page of a list is: which posts, in what order, after which, how many. */
  private record Page(PostFilter filter, PostOrder order, PostPosition after, int limit) {}

  @Inject
  @ConfigProperty(name = "jotter.cache.posts.max-bytes", defaultValue = "8388608")
  long maxBytes;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject ResponseCache responses;

  @Inject Event<Invalidation> invalidation;

  private KeptUntilChange<Long, PostView> byId;
  private KeptUntilChange<String, Long> idBySlug;
  private KeptUntilChange<Page, long[]> pages;

  @PostConstruct
  void init() {
    byId =
        new KeptUntilChange<>(
            Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher(PublishedPostViews::weight)
                .executor(Runnable::run) // no pool of Caffeine's own
                .build());
    idBySlug =
        new KeptUntilChange<>(
            Caffeine.newBuilder().maximumSize(MAX_SLUGS).executor(Runnable::run).build());
    pages =
        new KeptUntilChange<>(
            Caffeine.newBuilder()
                .maximumWeight(maxBytes > 0 ? MAX_PAGE_BYTES : 0)
                .<Page, long[]>weigher((page, ids) -> 64 + 8 * ids.length)
                .executor(Runnable::run)
                .build());
  }

  /** Whether the caller reads through the model: it is on and the caller is in no transaction. */
  boolean usable() {
    return maxBytes > 0 && byId.usableBy(transactions);
  }

  /** The published post with this slug (or a slug it had), from the model or {@code read}. */
  Optional<PostView> bySlug(String slug, Function<String, Optional<PostView>> read) {
    if (!usable()) {
      return read.apply(slug);
    }
    Long id = idBySlug.find(slug);
    PostView view = id == null ? null : byId.find(id);
    if (view != null) {
      return Optional.of(view);
    }
    long viewsAt = byId.generation();
    long slugsAt = idBySlug.generation();
    Optional<PostView> found = read.apply(slug);
    found.ifPresent(
        v -> {
          byId.keep(v.id(), v, viewsAt);
          idBySlug.keep(slug, v.id(), slugsAt);
        });
    return found;
  }

  /**
   * The published posts with these ids, from the model, those it lacks read by {@code read} at
   * once; ids not published are left out.
   */
  Map<Long, PostView> byIds(
      Collection<Long> ids, Function<Collection<Long>, Map<Long, PostView>> read) {
    if (!usable()) {
      return read.apply(ids);
    }
    return byId.findAll(ids, read::apply, null);
  }

  /**
   * The ids of a page of published posts (up to {@code limit}, in order), from the model or {@code
   * read}.
   */
  List<Long> pageIds(
      PostFilter filter,
      PostOrder order,
      PostPosition after,
      int limit,
      Supplier<List<Long>> read) {
    if (!usable()) {
      return read.get();
    }
    Page page = new Page(filter, order, after, limit);
    long[] kept = pages.find(page);
    if (kept != null) {
      return LongStream.of(kept).boxed().toList();
    }
    long at = pages.generation();
    List<Long> ids = read.get();
    pages.keep(page, ids.stream().mapToLong(Long::longValue).toArray(), at);
    return ids;
  }

  /** Forgets every post (tests measure reads that find none). */
  public void clear() {
    byId.forget();
    idBySlug.forget();
    pages.forget();
  }

  /** A change recorded on this server: forgotten now, and again once its transaction ends. */
  void recording(@Observes ChangeLog.Uncommitted uncommitted) {
    byId.changeRecorded(transactions);
    idBySlug.changeRecorded(transactions);
    pages.changeRecorded(transactions);
  }

  @Override
  public String name() {
    return "published-post-views";
  }

  /**
   * Changes read from the change log (other servers' above all): every post is forgotten, and then
   * the answers those changes make stale are dropped from the response cache once more, in case one
   * was computed from a view forgotten only now (the consumers run one after the other).
   */
  @Override
  public void apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    clear();
    if (responses.enabled()) {
      Set<String> keys = new HashSet<>();
      changes.forEach(change -> keys.addAll(responses.stale(change)));
      invalidation.fire(Invalidation.of(keys));
    }
  }

  /** Bytes a view takes, about: its text twice (UTF-16) and a little for the rest. */
  private static int weight(Long id, PostView view) {
    long chars =
        view.html().length()
            + view.text().length()
            + view.excerpt().length()
            + view.title().length()
            + view.headings().size() * 80L;
    return (int) Math.min(Integer.MAX_VALUE, 1024 + 2 * chars);
  }
}

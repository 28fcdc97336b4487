package dev.jotter.discovery.internal;

import dev.jotter.authoring.api.StaffGate;
import dev.jotter.content.api.Heading;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostStamp;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import dev.jotter.discovery.domain.Doc;
import dev.jotter.discovery.domain.Related;
import dev.jotter.discovery.domain.RelatedEngine;
import dev.jotter.discovery.domain.RelatedStore;
import dev.jotter.discovery.domain.RelatedStore.Overrides;
import dev.jotter.platform.cache.Invalidation;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps discovery's indexes fresh: at start it compares the fingerprint of the published content
 * (each post's id, version, dates and tags: never its text) with the indexes', rebuilds the search
 * index and the related lists when they are missing or stale, and otherwise loads the related
 * engine behind; a blog larger than {@code jotter.discovery.synchronous-limit} posts is served from
 * its stored indexes while all of that runs behind. Afterwards it follows the content's changes in
 * the change log ({@link DiscoveryFollower}, on every server), recomputing only the posts a change
 * can affect.
 *
 * <p>A change also moves what every post's score is measured against (how rare a word or a tag is,
 * how coherent a tag's posts are), so lists the change did not touch can drift by a little (on the
 * labelled corpora grown post by post: 95 % of the top threes unchanged, scores off by less than
 * 0.02; {@code RelatedCorporaTest}). Once the blog has been quiet for {@code
 * jotter.related.settle-after-seconds} (30), {@link #settle()} recomputes every list and stores
 * those that differ, so the stored lists become exactly those of a full rebuild.
 */
@ApplicationScoped
public class DiscoveryService {

  /** Change it when the related computation changes, so stored lists are rebuilt. */
  static final String ALGORITHM = "related-v3";

  /**
   * Up to this many posts, start-up waits for the check of the stored indexes against the blog and
   * for a rebuild of the related lists; above, for neither (both run behind, while the stored
   * indexes are served).
   */
  @Inject
  @ConfigProperty(name = "jotter.discovery.synchronous-limit", defaultValue = "2000")
  int synchronousLimit;

  private static final Logger LOG = Logger.getLogger(DiscoveryService.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject PostCatalog posts;
  @Inject RelatedStore store;
  @Inject RelatedListCache keptLists;
  @Inject StaffGate staff;
  @Inject Event<Invalidation> invalidation;

  @Inject
  @ConfigProperty(name = "jotter.data.dir")
  Optional<String> dataDir;

  @Inject
  @ConfigProperty(name = "jotter.related.settle-after-seconds", defaultValue = "30")
  long settleAfterSeconds;

  private final RelatedEngine engine = new RelatedEngine();
  private final java.util.concurrent.CountDownLatch engineLoaded =
      new java.util.concurrent.CountDownLatch(1);

  /** Counts the changes to the engine; the settle compares it before and after its work. */
  private final AtomicLong changes = new AtomicLong();

  /** The count of changes the stored lists were last settled at. */
  private final AtomicLong settledAt = new AtomicLong();

  private volatile long lastChangeNanos;
  private ScheduledFuture<?> settling;
  private final Snippets snippets = new Snippets();
  private volatile SearchIndex index;

  /**
   * Runs after the demo blog is seeded (a later priority than the seeder's default). Not one
   * transaction: computing 10,000 lists takes longer than a transaction may last; the store writes
   * them in its own.
   */
  void start(@Observes @Priority(5000) DatabaseMigrated migrated) throws IOException {
    if (index != null) {
      return; // already started: the event is fired once per start of the application
    }
    long started = System.nanoTime();
    Path path = Path.of(dataDir.orElse(System.getProperty("java.io.tmpdir")), "search-index");
    Files.createDirectories(path);
    index = new SearchIndex(path);
    long every = Math.max(1, Math.min(settleAfterSeconds, 10));
    settling =
        scheduler.scheduleWithFixedDelay(this::settleWhenQuiet, every, every, TimeUnit.SECONDS);
    int stored = index.size();
    if (stored > synchronousLimit) {
      // a large blog is served from its stored search index and related lists at once; whether
      // they still match the blog is checked behind (reading its stamps takes seconds there), and
      // any change or rebuild waits for that check (awaitEngine)
      LOG.info(
          String.format(
              "Discovery serving the stored search index of %d posts (opened in %d ms) and the"
                  + " stored related lists; checking them against the blog in the background",
              stored, (System.nanoTime() - started) / 1_000_000));
      executor.execute(() -> checkInBackground(started));
      return;
    }
    check(started);
  }

  private void checkInBackground(long started) {
    try {
      check(started);
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.SEVERE, "Cannot check discovery's indexes", e);
      engineLoaded.countDown(); // what waits for the engine fails fast instead of for minutes
    }
  }

  /**
   * Compares the indexes' fingerprints with the blog's and rebuilds what differs; ready for changes
   * (the engine loaded, any new search index committed) when it returns, or behind it.
   */
  private void check(long started) {
    long checking = System.nanoTime();
    List<PostStamp> stamps = posts.publishedStamps();
    long read = System.nanoTime();
    String fingerprint = fingerprint(stamps);
    long fingerprinted = System.nanoTime();
    boolean searchCurrent = fingerprint.equals(index.fingerprint());
    boolean relatedCurrent = store.fingerprint().equals(Optional.of(fingerprint));
    if (searchCurrent && relatedCurrent) {
      // nothing changed while Jotter was down: ready without reading a single post; the engine the
      // next change needs is loaded meanwhile
      LOG.info(
          String.format(
              "Discovery ready in %d ms: %d posts; search index and related lists up to date"
                  + " (stamps read in %d ms, fingerprinted in %d ms); loading the related engine in"
                  + " the background",
              (System.nanoTime() - started) / 1_000_000,
              stamps.size(),
              (read - checking) / 1_000_000,
              (fingerprinted - read) / 1_000_000));
      executor.execute(this::loadEngine);
      return;
    }
    // one pass over the blog, a page at a time: memory for a page of posts, not for the blog
    SearchIndex.Replacement replacement = searchCurrent ? null : index.replacement();
    long[] indexNanos = {0};
    int count =
        forEachPublished(
            posts,
            page -> {
              engine.putAll(page.stream().map(DiscoveryService::doc).toList());
              if (replacement != null) {
                long at = System.nanoTime();
                page.forEach(view -> replacement.add(indexed(view)));
                indexNanos[0] += System.nanoTime() - at;
              }
            });
    String search = "up to date";
    if (replacement != null) {
      long at = System.nanoTime();
      replacement.commit(fingerprint);
      indexNanos[0] += System.nanoTime() - at;
      search = "rebuilt in " + indexNanos[0] / 1_000_000 + " ms";
    }
    // only now: a change's refresh commits the search index, which must not commit a replacement
    // half-built
    engineLoaded.countDown();
    String indexReport = search;
    if (relatedCurrent) {
      LOG.info(
          String.format(
              "Discovery ready in %d ms: %d posts; search index %s; related lists up to date",
              (System.nanoTime() - started) / 1_000_000, count, indexReport));
    } else if (count <= synchronousLimit) {
      rebuild(fingerprint, started, count, indexReport);
    } else {
      // a large blog serves its stored (stale) lists while the new ones are computed
      executor.execute(() -> rebuild(fingerprint, started, count, indexReport));
    }
  }

  /**
   * Hands every published post to {@code page}, oldest first, {@link PostCatalog#MAX_PAGE_SIZE} at
   * a time, each page read in a transaction of its own: what reads the whole blog holds one page of
   * it at a time.
   *
   * @return how many posts
   */
  public static int forEachPublished(PostCatalog posts, Consumer<List<PostView>> page) {
    PostPosition after = null;
    int count = 0;
    while (true) {
      PostSlice slice =
          posts.findPublished(
              PostFilter.NONE, PostOrder.PUBLISHED_AT_ASC, after, PostCatalog.MAX_PAGE_SIZE);
      List<PostView> views = slice.posts();
      if (!views.isEmpty()) {
        page.accept(views);
        count += views.size();
        PostView last = views.get(views.size() - 1);
        after =
            new PostPosition(
                PostOrder.PUBLISHED_AT_ASC, last.publishedAt().toInstant().toString(), last.id());
      }
      if (!slice.hasMore() || views.isEmpty()) {
        return count;
      }
    }
  }

  private void loadEngine() {
    long started = System.nanoTime();
    try {
      forEachPublished(
          posts, page -> engine.putAll(page.stream().map(DiscoveryService::doc).toList()));
      engine.compile();
      LOG.info(
          String.format(
              "Related engine loaded in %d ms: %d posts",
              (System.nanoTime() - started) / 1_000_000, engine.ids().size()));
    } finally {
      engineLoaded.countDown();
    }
  }

  /** Whether the related engine is loaded (and the start-up check done): changes can be applied. */
  public boolean engineReady() {
    return engineLoaded.getCount() == 0;
  }

  /**
   * Waits for the related engine, which a start with up-to-date indexes loads in the background
   * (seconds; at most {@value #ENGINE_WAIT_MINUTES} minutes): changes and overrides need it.
   */
  public void awaitEngine() {
    try {
      if (!engineLoaded.await(ENGINE_WAIT_MINUTES, TimeUnit.MINUTES)) {
        throw new IllegalStateException("The related engine is still loading");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the related engine loads", e);
    }
  }

  private static final int ENGINE_WAIT_MINUTES = 10;

  private void rebuild(String fingerprint, long started, int posts, String indexReport) {
    long relatedStarted = System.nanoTime();
    store.replaceAll(computeAll(), fingerprint);
    invalidation.fire(Invalidation.everything());
    LOG.info(
        String.format(
            "Discovery ready in %d ms: %d posts; search index %s;"
                + " related lists rebuilt in %d ms",
            (System.nanoTime() - started) / 1_000_000,
            posts,
            indexReport,
            (System.nanoTime() - relatedStarted) / 1_000_000));
  }

  /**
   * Records an editor's pin or exclusion (null: neither) of {@code otherId} among the related posts
   * of {@code postId}, and recomputes that post's list. Editors and administrators only; the post
   * must exist, and a pinned one must be published.
   *
   * @return the post
   */
  @Transactional(rollbackOn = Exception.class)
  public PostView override(long postId, long otherId, RelatedStore.OverrideKind kind, String what)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    staff.requireEditor(what);
    awaitEngine();
    PostView post =
        posts
            .findById(postId)
            .orElseThrow(() -> new NotFoundException("postId: there is no post " + postId + "."));
    if (otherId == postId) {
      throw new InvalidArgumentException("relatedPostId: a post is never related to itself.");
    }
    if (kind == RelatedStore.OverrideKind.PIN
        && posts.findPublishedByIds(List.of(otherId)).isEmpty()) {
      throw new InvalidArgumentException(
          "relatedPostId: there is no published post " + otherId + "; only those can be related.");
    }
    if (kind != null) {
      Overrides now = store.overrides(List.of(postId)).getOrDefault(postId, Overrides.NONE);
      boolean known = now.pinned().contains(otherId) || now.excluded().contains(otherId);
      if (!known
          && now.pinned().size() + now.excluded().size() >= RelatedStore.MAX_OVERRIDES_PER_POST) {
        throw new InvalidArgumentException(
            "relatedPostId: this post has "
                + RelatedStore.MAX_OVERRIDES_PER_POST
                + " pins and exclusions already; reset some (resetRelatedPost) first.");
      }
    }
    store.override(postId, otherId, kind);
    changes.incrementAndGet();
    lastChangeNanos = System.nanoTime();
    store.replace(Map.of(postId, compute(postId, store.overrides())));
    invalidation.fire(Invalidation.of(Set.of(DiscoveryCacheKeys.related(postId))));
    return post;
  }

  /**
   * Brings the posts' entries up to date (see {@link #refresh(long)}), in one transaction; once it
   * commits, this server's cached answers with those lists or with search results are dropped.
   */
  @Transactional
  public void refresh(Collection<Long> postIds) {
    awaitEngine();
    Set<String> stale = new TreeSet<>();
    stale.add(DiscoveryCacheKeys.SEARCH);
    for (long id : new TreeSet<>(postIds)) {
      for (long list : refresh(id)) {
        stale.add(DiscoveryCacheKeys.related(list));
      }
    }
    invalidation.fire(Invalidation.of(stale));
  }

  /**
   * The editors' pins (in order) and exclusions of these posts, in one query: for editors and
   * administrators, who may change them; empty for anyone else.
   */
  public Optional<Map<Long, Overrides>> overridesForEditors(Collection<Long> postIds) {
    if (!staff.editorSignedIn()) {
      return Optional.empty();
    }
    return Optional.of(store.overrides(postIds));
  }

  /** The posts whose related lists show this one. */
  public Set<Long> listing(long postId) {
    return store.listing(postId);
  }

  /** The stored related lists of these posts: kept on this server, or read in one query. */
  public Map<Long, List<Related>> related(Collection<Long> postIds) {
    return keptLists.find(postIds, store::find);
  }

  /** The words of a user's query as the index sees them (stop words out, stemmed). */
  public Set<String> terms(String query) {
    return index().terms(query);
  }

  public SearchIndex.Page search(
      Set<String> terms, String tag, String author, int first, SearchIndex.Hit after) {
    return index().search(terms, tag, author, first, after);
  }

  public String snippet(String text, Set<String> terms) {
    return snippets.of(text, terms);
  }

  /**
   * Brings one post's entries up to date: its own list, and the lists of the posts that list it now
   * or may list it after the change. The rest of the blog is left alone.
   *
   * @return the posts whose lists were recomputed
   */
  Set<Long> refresh(long postId) {
    PostView view = posts.findPublishedByIds(List.of(postId)).get(postId);
    Set<Long> affected = new TreeSet<>(store.listing(postId));
    affected.addAll(engine.affectedBy(postId));
    Map<Long, List<Related>> lists = new LinkedHashMap<>();
    changes.incrementAndGet();
    lastChangeNanos = System.nanoTime();
    if (view == null) {
      engine.remove(postId);
      index().remove(postId);
      lists.put(postId, List.of());
    } else {
      engine.put(doc(view));
      index().put(indexed(view));
      affected.addAll(engine.affectedBy(postId));
      affected.add(postId);
    }
    Map<Long, Overrides> overrides = store.overrides();
    for (long id : affected) {
      if (engine.contains(id)) {
        lists.put(id, compute(id, overrides));
      }
    }
    store.replace(lists);
    LOG.fine(() -> "Refreshed discovery for post " + postId + ": " + lists.size() + " lists");
    return lists.keySet();
  }

  private void settleWhenQuiet() {
    if (engineLoaded.getCount() == 0
        && changes.get() != settledAt.get()
        && System.nanoTime() - lastChangeNanos >= TimeUnit.SECONDS.toNanos(settleAfterSeconds)) {
      try {
        settle();
      } catch (RuntimeException e) {
        LOG.log(java.util.logging.Level.WARNING, "Cannot settle the related lists; will retry", e);
      }
    }
  }

  /**
   * Recomputes every related list and stores those that differ from the stored ones, in chunks,
   * each in a transaction holding the lists' lock: a change in progress (here or on another server)
   * is committed before a chunk is read, and one that starts meanwhile writes its own lists after
   * the chunk. A change during the settle leaves it unsettled, so it runs again.
   *
   * @return how many lists were rewritten
   */
  public synchronized int settle() {
    long at = changes.get();
    // read first: if the content changes after this, so does the count of changes
    String fingerprint = fingerprint(posts.publishedStamps());
    engine.compile();
    List<Long> ids = List.copyOf(engine.ids());
    int rewritten = 0;
    for (int from = 0; from < ids.size(); from += SETTLE_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SETTLE_CHUNK));
      rewritten += store.underLock(() -> settle(chunk));
    }
    if (changes.get() == at) {
      // the lists and the index are a full rebuild's: a restart now need not rebuild either
      store.fingerprint(fingerprint);
      index().markCurrent(fingerprint);
      settledAt.set(at);
    }
    int count = rewritten;
    LOG.fine(() -> "Settled the related lists: " + count + " rewritten");
    return rewritten;
  }

  private int settle(List<Long> chunk) {
    Map<Long, Overrides> overrides = store.overrides();
    Map<Long, List<Related>> stored = store.find(chunk);
    Map<Long, List<Related>> changed = new LinkedHashMap<>();
    computeAll(chunk, overrides)
        .forEach(
            (id, now) -> {
              if (!now.equals(stored.getOrDefault(id, List.of()))) {
                changed.put(id, now);
              }
            });
    if (!changed.isEmpty()) {
      store.replace(changed);
      Set<String> stale = new TreeSet<>();
      changed.keySet().forEach(id -> stale.add(DiscoveryCacheKeys.related(id)));
      invalidation.fire(Invalidation.of(stale)); // held until this chunk's transaction commits
    }
    return changed.size();
  }

  private static final int SETTLE_CHUNK = 200;

  /** Whether the stored lists have been settled since the last change to the blog. */
  public boolean settled() {
    return changes.get() == settledAt.get();
  }

  private Map<Long, List<Related>> computeAll() {
    return computeAll(List.copyOf(engine.ids()), store.overrides());
  }

  /** The lists of these posts, computed on every core (the engine allows parallel reads). */
  private Map<Long, List<Related>> computeAll(List<Long> ids, Map<Long, Overrides> overrides) {
    List<List<Related>> computed = ids.parallelStream().map(id -> compute(id, overrides)).toList();
    Map<Long, List<Related>> lists = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      lists.put(ids.get(i), computed.get(i));
    }
    return lists;
  }

  private List<Related> compute(long id, Map<Long, Overrides> overrides) {
    Overrides o = overrides.getOrDefault(id, Overrides.NONE);
    return engine.relatedTo(id, o.pinned(), o.excluded());
  }

  private SearchIndex index() {
    SearchIndex current = index;
    if (current == null) {
      throw new IllegalStateException("Discovery is still starting");
    }
    return current;
  }

  /**
   * Closes the search index when the application stops, after a settle that is running (they share
   * this object's lock): closed under a running settle, the index's searchers failed, its writer
   * kept the index's file lock, and the application started next in the same server could not open
   * the index (OverlappingFileLockException).
   */
  @PreDestroy
  void close() {
    if (settling != null) {
      settling.cancel(false);
    }
    synchronized (this) {
      if (index != null) {
        try {
          index.close();
        } catch (IOException | RuntimeException e) {
          LOG.log(java.util.logging.Level.WARNING, "Cannot close the search index", e);
        }
      }
    }
  }

  /** Discovery's view of a published post. */
  public static Doc doc(PostView view) {
    return new Doc(
        view.id(),
        view.title(),
        headings(view),
        view.text(),
        view.tags().stream().map(TagView::id).toList(),
        view.primaryAuthor().slug(),
        view.publishedAt());
  }

  static SearchIndex.IndexedPost indexed(PostView view) {
    return new SearchIndex.IndexedPost(
        view.id(),
        view.title(),
        headings(view),
        view.excerpt(),
        view.text(),
        view.tags().stream().map(TagView::slug).toList(),
        view.authors().stream().map(a -> a.slug()).toList());
  }

  private static String headings(PostView view) {
    return String.join("\n", view.headings().stream().map(Heading::text).toList());
  }

  /**
   * Identifies the published content (and the algorithm) the indexes were built from: a SHA-256 of
   * each post's id, version, dates and tag ids as binary numbers (as text, formatting them cost
   * most of a start-up's second at 100,000 posts).
   */
  static String fingerprint(List<PostStamp> all) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(ALGORITHM.getBytes(StandardCharsets.UTF_8));
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    for (PostStamp stamp : all) {
      room(buffer, digest, STAMP_BYTES).putLong(stamp.id()).putLong(stamp.version());
      instant(buffer, stamp.updatedAt());
      instant(buffer, stamp.publishedAt());
      buffer.putInt(stamp.tagIds().size());
      for (long tag : stamp.tagIds()) {
        room(buffer, digest, 8).putLong(tag);
      }
    }
    digest.update(buffer.array(), 0, buffer.position());
    return all.size() + ":" + HexFormat.of().formatHex(digest.digest());
  }

  /** A stamp's fixed part: id and version (8 bytes each), two instants (12), the tag count (4). */
  private static final int STAMP_BYTES = 8 + 8 + 12 + 12 + 4;

  /** The buffer with at least {@code bytes} free, its content fed to the digest if need be. */
  private static ByteBuffer room(ByteBuffer buffer, MessageDigest digest, int bytes) {
    if (buffer.remaining() < bytes) {
      digest.update(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
    return buffer;
  }

  private static void instant(ByteBuffer buffer, OffsetDateTime time) {
    if (time == null) {
      buffer.putLong(Long.MIN_VALUE).putInt(0);
    } else {
      buffer.putLong(time.toEpochSecond()).putInt(time.getNano());
    }
  }
}

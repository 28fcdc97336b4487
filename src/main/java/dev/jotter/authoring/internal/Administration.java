package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Role;
import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettingsCatalog;
import dev.jotter.content.api.BlogSettingsChange;
import dev.jotter.platform.cache.ResponseCache;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeLog;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.graphql.PersistedQueries;
import dev.jotter.platform.persistence.BackupNotSupportedException;
import dev.jotter.platform.persistence.DatabaseBackups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What staff do to the installation itself: the blog's settings and backups of the database
 * (administrators), the persisted queries anonymous clients may run and the feed of cache keys to
 * purge (editors).
 */
@ApplicationScoped
public class Administration {

  /** What a change made stale, for whoever purges a CDN. */
  public record CachePurge(long changeId, String kind, OffsetDateTime at, Set<String> keys) {}

  @Inject StaffAccounts accounts;
  @Inject DatabaseBackups backups;
  @Inject PersistedQueries persistedQueries;
  @Inject ChangeLog changes;
  @Inject ResponseCache responses;
  @Inject BlogSettingsCatalog blog;

  /** Changes the blog's settings (title, menus, images…). Administrators only, as in Ghost. */
  @Transactional(rollbackOn = Exception.class)
  public BlogSettings updateBlogSettings(BlogSettingsChange change)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "change the blog's settings");
    return blog.update(change, Clock.now());
  }

  /** An online backup of the embedded database, on this server's disk. Administrators only. */
  public DatabaseBackups.Backup backupDatabase()
      throws UnauthenticatedException, ForbiddenException, BackupNotSupportedException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "back up the database");
    return backups.backup();
  }

  /** Registers documents anonymous clients may run in the allow-list mode. Editors and above. */
  public List<String> registerPersistedQueries(List<String> documents)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    accounts.requireAtLeast(Role.EDITOR, "register persisted queries");
    return persistedQueries.registerForAllowList(documents);
  }

  /**
   * The changes after {@code after} (a change id; 0 for the oldest kept), each with the cache keys
   * it made stale: what a CDN in front should purge. Editors and above.
   */
  public List<CachePurge> cachePurges(long after, int first)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    accounts.requireAtLeast(Role.EDITOR, "read the cache purges");
    if (first < 0 || first > 100) {
      throw new InvalidArgumentException("first: 0 to 100.");
    }
    if (after < 0) {
      throw new InvalidArgumentException("after: a change id, 0 or more.");
    }
    List<CachePurge> purges = new ArrayList<>();
    for (Change change : changes.after(after, first)) {
      Set<String> keys = new TreeSet<>(responses.stale(change));
      if (!keys.isEmpty()) {
        keys.add(ResponseCache.OVERFLOW);
      }
      purges.add(new CachePurge(change.id(), change.kind(), change.at(), keys));
    }
    return purges;
  }
}

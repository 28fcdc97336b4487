package dev.jotter.content.internal;

import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettingsCatalog;
import dev.jotter.content.api.BlogSettingsChange;
import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.domain.BlogSettingsRules;
import dev.jotter.content.domain.BlogSettingsStore;
import dev.jotter.content.domain.SavedBlogSettings;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.persistence.AfterCompletion;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blog's settings, kept in memory between changes: a change forgets them on this server when it
 * is made, nothing is kept or served from memory until its transaction has ended (readers may see
 * the commit before this hears of it), and on the other servers they are forgotten when they read
 * the change from the change log (within a poll).
 */
@ApplicationScoped
@Transactional
public class DefaultBlogSettings implements BlogSettingsCatalog, ChangeConsumer {

  @Inject BlogSettingsStore store;
  @Inject ContentChanges changes;
  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "jotter.blog.title", defaultValue = "Jotter")
  String defaultTitle;

  @Inject
  @ConfigProperty(
      name = "jotter.blog.description",
      defaultValue = "Thinking about AI, robots, space, and the future.")
  String defaultDescription;

  @Inject
  @ConfigProperty(name = "jotter.blog.locale", defaultValue = "en")
  String defaultLocale;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  private volatile BlogSettings known;

  /** Moves at every change: settings read across a change are not kept. */
  private final AtomicLong generation = new AtomicLong();

  /** Changes of this server whose transactions have not ended. */
  private final AtomicInteger changing = new AtomicInteger();

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public BlogSettings current() {
    BlogSettings settings = changing.get() == 0 ? known : null;
    if (settings != null) {
      return settings;
    }
    long at = generation.get();
    settings = BlogSettingsRules.resolve(store.read(), defaults());
    if (changing.get() == 0 && generation.get() == at) {
      known = settings;
    }
    return settings;
  }

  @Override
  public BlogSettings update(BlogSettingsChange change, OffsetDateTime now)
      throws InvalidArgumentException {
    SavedBlogSettings saved = BlogSettingsRules.apply(store.readForUpdate(), change, now);
    store.write(saved);
    changes.raise(new ContentEvent.BlogSettingsChanged());
    changing.incrementAndGet();
    forget();
    AfterCompletion.run(
        transactions,
        () -> {
          changing.decrementAndGet();
          forget();
        });
    return BlogSettingsRules.resolve(saved, defaults());
  }

  private BlogSettingsRules.Defaults defaults() {
    String url =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return new BlogSettingsRules.Defaults(defaultTitle, defaultDescription, defaultLocale, url);
  }

  private void forget() {
    generation.incrementAndGet();
    known = null;
  }

  @Override
  public String name() {
    return "blog-settings";
  }

  /** Changes read from the change log: another server's change of the settings is forgotten. */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void apply(List<Change> changes) {
    if (changes.stream().anyMatch(c -> ContentEvent.BlogSettingsChanged.KIND.equals(c.kind()))) {
      forget();
    }
  }
}

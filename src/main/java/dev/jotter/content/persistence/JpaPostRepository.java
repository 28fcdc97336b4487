package dev.jotter.content.persistence;

import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.StaffPostFilter;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.RetiredSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Posts in the relational database, through JPA. */
@ApplicationScoped
public class JpaPostRepository implements PostRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Optional<Post> findPublishedBySlug(String slug) {
    return em.createNamedQuery("Post.findBySlug", Post.class)
        .setParameter("slug", slug)
        .setParameter("status", PostStatus.PUBLISHED)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Post> findPublished(
      PostFilter filter, PostOrder order, PostPosition after, int limit) {
    return publishedPage("p", Post.class, filter, order, after, limit);
  }

  @Override
  public List<Long> findPublishedIds(
      PostFilter filter, PostOrder order, PostPosition after, int limit) {
    return publishedPage("p.id", Long.class, filter, order, after, limit);
  }

  private <T> List<T> publishedPage(
      String select,
      Class<T> type,
      PostFilter filter,
      PostOrder order,
      PostPosition after,
      int limit) {
    Keyset keyset = Keyset.of(order);
    StringBuilder jpql =
        new StringBuilder("select " + select + " from Post p where p.status = :published");
    appendFilter(jpql, filter);
    if (after != null) {
      jpql.append(" and (").append(keyset.after()).append(')');
    }
    jpql.append(" order by ").append(keyset.orderBy(true));
    TypedQuery<T> query = em.createQuery(jpql.toString(), type);
    bindFilter(query, filter);
    if (after != null) {
      query.setParameter("afterValue", keyset.sortValue(after.sortValue()));
      query.setParameter("afterId", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public long countPublished(PostFilter filter) {
    // joins, not the lists' exists: the database starts from the tag's (or author's) rows in the
    // join table; probing every published post for the tag took 13.6 s at 100,000 posts on H2
    StringBuilder jpql = new StringBuilder("select count(p) from Post p");
    if (filter.tagSlug() != null) {
      jpql.append(" join p.tags t");
    }
    if (filter.authorSlug() != null) {
      jpql.append(" join p.authors a");
    }
    jpql.append(" where p.status = :published");
    if (filter.tagSlug() != null) {
      jpql.append(" and t.slug = :tag and t.name not like '#%'");
    }
    if (filter.authorSlug() != null) {
      jpql.append(" and a.slug = :author");
    }
    if (filter.featured() != null) {
      jpql.append(" and p.featured = :featured");
    }
    TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
    bindFilter(query, filter);
    return query.getSingleResult();
  }

  @Override
  public Map<Long, Long> countPublishedByTag(List<Long> tagIds) {
    return countBy(
        "select t.id, count(p) from Post p join p.tags t"
            + " where p.status = :published and t.id in :ids group by t.id",
        tagIds);
  }

  @Override
  public Map<Long, Long> countPublishedByAuthor(List<Long> authorIds) {
    return countBy(
        "select a.id, count(p) from Post p join p.authors a"
            + " where p.status = :published and a.id in :ids group by a.id",
        authorIds);
  }

  @Override
  public List<Post> findPublishedByIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select p from Post p where p.status = :published and p.id in :ids", Post.class)
        .setParameter("published", PostStatus.PUBLISHED)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  @Override
  public List<Object[]> findPublishedLinks(long offset, int limit) {
    return em.createQuery(
            "select p.slug, p.publishedAt, p.updatedAt from Post p where p.status = :published"
                + " order by p.publishedAt, p.id",
            Object[].class)
        .setParameter("published", PostStatus.PUBLISHED)
        .setFirstResult(Math.toIntExact(offset))
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Object[]> findPublishedStamps() {
    return em.createQuery(
            // every column is in the index of (status, published_at, id, version, updated_at),
            // which H2 reads in order only when the ORDER BY names its first column too
            "select p.id, p.version, p.updatedAt, p.publishedAt from Post p"
                + " where p.status = :published order by p.status, p.publishedAt, p.id",
            Object[].class)
        .setParameter("published", PostStatus.PUBLISHED)
        .getResultList();
  }

  @Override
  public List<Object[]> findTagPositions() {
    // joined to post, the 200,000 rows of 100,000 posts took 2.5 s on H2 (a post's row is read
    // for each); the join table alone, unordered, 0.2 to 0.5 s
    List<Object[]> rows = new ArrayList<>();
    for (Object row :
        em.createNativeQuery("select post_id, position, tag_id from post_tag").getResultList()) {
      rows.add((Object[]) row);
    }
    return rows;
  }

  @Override
  public Object[] publishedState() {
    return em.createQuery(
            "select count(p), max(p.updatedAt), max(p.publishedAt) from Post p"
                + " where p.status = :published",
            Object[].class)
        .setParameter("published", PostStatus.PUBLISHED)
        .getSingleResult();
  }

  @Override
  public List<Object[]> countPublishedByMonth(int months) {
    List<Object[]> rows = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select extract(year from published_at at time zone 'UTC') as y,"
                    + " extract(month from published_at at time zone 'UTC') as m, count(*)"
                    + " from post where status = 'PUBLISHED' group by y, m"
                    + " order by y desc, m desc fetch first "
                    + months
                    + " rows only")
            .getResultList()) {
      rows.add((Object[]) row);
    }
    return rows;
  }

  @Override
  public Map<Long, List<Long>> findNewestPublishedIds(
      boolean byTag, List<Long> groupIds, PostPosition after, int limit) {
    Map<Long, List<Long>> ids = new HashMap<>();
    if (groupIds.isEmpty()) {
      return ids;
    }
    // one branch per group, each reading the newest posts in the order of the index on
    // (status, published_at) and stopping at the limit: the cost of a page, not of the group
    // (a window over every post of the group grew with the blog: 0.3 s a tag at 100,000 posts)
    String link =
        byTag
            ? "select 1 from post_tag g join tag t on t.id = g.tag_id and t.name not like '#%'"
                + " where g.post_id = p.id and g.tag_id = ?"
            : "select 1 from post_author g where g.post_id = p.id and g.author_id = ?";
    String branch =
        "(select cast(? as bigint) as group_id, p.id as post_id, p.published_at as published_at from post p"
            + " where p.status = 'PUBLISHED' and exists ("
            + link
            + ")"
            + (after == null ? "" : " and p.published_at <= ? and (p.published_at < ? or p.id < ?)")
            + " order by p.status desc, p.published_at desc, p.id desc fetch first "
            + limit
            + " rows only)";
    Query query =
        em.createNativeQuery(
            String.join(" union all ", Collections.nCopies(groupIds.size(), branch)));
    int i = 1;
    OffsetDateTime at = after == null ? null : OffsetDateTime.parse(after.sortValue());
    for (Long id : groupIds) {
      query.setParameter(i++, id);
      query.setParameter(i++, id);
      if (after != null) {
        query.setParameter(i++, at);
        query.setParameter(i++, at);
        query.setParameter(i++, after.id());
      }
    }
    Map<Long, List<Object[]>> rows = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      rows.computeIfAbsent(((Number) columns[0]).longValue(), k -> new ArrayList<>()).add(columns);
    }
    // a union keeps no order: each group's posts newest first, again
    Comparator<Object[]> newestFirst =
        Comparator.<Object[], OffsetDateTime>comparing(r -> publishedAt(r[2]))
            .thenComparing(r -> ((Number) r[1]).longValue())
            .reversed();
    rows.forEach(
        (group, list) -> {
          list.sort(newestFirst);
          ids.put(group, list.stream().map(r -> ((Number) r[1]).longValue()).toList());
        });
    return ids;
  }

  private static OffsetDateTime publishedAt(Object value) {
    if (value instanceof OffsetDateTime at) {
      return at;
    }
    if (value instanceof java.sql.Timestamp at) {
      return at.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant at) {
      return at.atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("Unexpected timestamp " + value.getClass());
  }

  @Override
  public long count() {
    return em.createNamedQuery("Post.countAll", Long.class).getSingleResult();
  }

  @Override
  public Optional<Post> findById(long id) {
    return Optional.ofNullable(em.find(Post.class, id));
  }

  @Override
  public Optional<Post> findBySlugAnyStatus(String slug) {
    return em.createQuery("select p from Post p where p.slug = :slug", Post.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Post> findAfterId(long afterId, int limit) {
    return em.createQuery(
            "select p from Post p where p.id > :after and p.status <> :trashed order by p.id",
            Post.class)
        .setParameter("after", afterId)
        .setParameter("trashed", PostStatus.TRASHED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Post> findByIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select p from Post p where p.id in :ids", Post.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  @Override
  public Optional<Post> findByIdForUpdate(long id) {
    return Optional.ofNullable(em.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Post> findPublishedByPreviousSlug(String slug) {
    return em.createQuery(
            "select p from Post p, RetiredSlug r"
                + " where r.slug = :slug and p.id = r.postId and p.status = :published",
            Post.class)
        .setParameter("slug", slug)
        .setParameter("published", PostStatus.PUBLISHED)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean slugInUse(String slug, Long exceptPostId) {
    long except = exceptPostId == null ? -1 : exceptPostId;
    long current =
        em.createQuery(
                "select count(p) from Post p where p.slug = :slug and p.id <> :except", Long.class)
            .setParameter("slug", slug)
            .setParameter("except", except)
            .getSingleResult();
    long retired =
        em.createQuery(
                "select count(r) from RetiredSlug r where r.slug = :slug and r.postId <> :except",
                Long.class)
            .setParameter("slug", slug)
            .setParameter("except", except)
            .getSingleResult();
    return current + retired > 0;
  }

  @Override
  public void retireSlug(long postId, String slug, OffsetDateTime now) {
    RetiredSlug existing = em.find(RetiredSlug.class, slug);
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    em.persist(new RetiredSlug(slug, postId, now));
  }

  @Override
  public void unretireSlug(long postId, String slug) {
    RetiredSlug existing = em.find(RetiredSlug.class, slug);
    if (existing != null && existing.postId() == postId) {
      em.remove(existing);
      em.flush();
    }
  }

  @Override
  public Map<Long, List<String>> previousSlugs(Collection<Long> postIds) {
    Map<Long, List<String>> slugs = new HashMap<>();
    if (postIds.isEmpty()) {
      return slugs;
    }
    List<RetiredSlug> rows =
        em.createQuery(
                "select r from RetiredSlug r where r.postId in :ids"
                    + " order by r.retiredAt desc, r.slug",
                RetiredSlug.class)
            .setParameter("ids", List.copyOf(postIds))
            .getResultList();
    for (RetiredSlug row : rows) {
      slugs.computeIfAbsent(row.postId(), k -> new ArrayList<>()).add(row.slug());
    }
    return slugs;
  }

  @Override
  public List<Post> findForStaff(StaffPostFilter filter, PostPosition after, int limit) {
    Keyset keyset = Keyset.UPDATED_AT_DESC;
    StringBuilder jpql = new StringBuilder("select p from Post p where p.status in :statuses");
    appendStaffFilter(jpql, filter);
    if (after != null) {
      jpql.append(" and (").append(keyset.after()).append(')');
    }
    jpql.append(" order by ").append(keyset.orderBy(filter.statuses().size() == 1));
    TypedQuery<Post> query = em.createQuery(jpql.toString(), Post.class);
    bindStaffFilter(query, filter);
    if (after != null) {
      query.setParameter("afterValue", keyset.sortValue(after.sortValue()));
      query.setParameter("afterId", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public long countForStaff(StaffPostFilter filter) {
    StringBuilder jpql =
        new StringBuilder("select count(p) from Post p where p.status in :statuses");
    appendStaffFilter(jpql, filter);
    TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
    bindStaffFilter(query, filter);
    return query.getSingleResult();
  }

  /** The character that makes the next one literal in a staff search's LIKE patterns. */
  private static final char LIKE_ESCAPE = '!';

  private static void appendStaffFilter(StringBuilder jpql, StaffPostFilter filter) {
    if (filter.authorId() != null) {
      jpql.append(
          " and p.id in (select ap.id from Post ap join ap.authors a where a.id = :authorId)");
    }
    for (int i = 0; i < filter.words().size(); i++) {
      jpql.append(" and (lower(p.title) like :word")
          .append(i)
          .append(" escape '")
          .append(LIKE_ESCAPE)
          .append("' or p.slug like :word")
          .append(i)
          .append(" escape '")
          .append(LIKE_ESCAPE)
          .append("')");
    }
  }

  private static void bindStaffFilter(Query query, StaffPostFilter filter) {
    query.setParameter("statuses", List.copyOf(filter.statuses()));
    if (filter.authorId() != null) {
      query.setParameter("authorId", filter.authorId());
    }
    for (int i = 0; i < filter.words().size(); i++) {
      query.setParameter("word" + i, "%" + likeLiteral(filter.words().get(i)) + "%");
    }
  }

  /** The text as a LIKE pattern that matches it literally: its wildcards are escaped. */
  static String likeLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == LIKE_ESCAPE || c == '%' || c == '_') {
        out.append(LIKE_ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }

  @Override
  public List<Post> findDueForUpdate(OffsetDateTime now) {
    return em.createQuery(
            "select p from Post p where p.status = :scheduled and p.publishedAt <= :now"
                + " order by p.publishedAt, p.id",
            Post.class)
        .setParameter("scheduled", PostStatus.SCHEDULED)
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  @Override
  public Optional<OffsetDateTime> nextScheduledAt() {
    return Optional.ofNullable(
        em.createQuery(
                "select min(p.publishedAt) from Post p where p.status = :scheduled",
                OffsetDateTime.class)
            .setParameter("scheduled", PostStatus.SCHEDULED)
            .getSingleResult());
  }

  @Override
  public List<Post> findTrashedBefore(OffsetDateTime before) {
    return em.createQuery(
            "select p from Post p where p.status = :trashed and p.trashedAt < :before", Post.class)
        .setParameter("trashed", PostStatus.TRASHED)
        .setParameter("before", before)
        .getResultList();
  }

  @Override
  public List<Long> findPublishedIds(boolean byTag, long groupId) {
    String jpql =
        byTag
            ? "select p.id from Post p join p.tags g where g.id = :group and p.status = :published"
            : "select p.id from Post p join p.authors g where g.id = :group"
                + " and p.status = :published";
    return em.createQuery(jpql, Long.class)
        .setParameter("group", groupId)
        .setParameter("published", PostStatus.PUBLISHED)
        .getResultList();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void delete(Post post) {
    em.remove(post);
  }

  @Override
  public Post save(Post post) {
    if (post.id() == null) {
      em.persist(post);
      return post;
    }
    return em.merge(post);
  }

  private Map<Long, Long> countBy(String jpql, List<Long> ids) {
    Map<Long, Long> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        em.createQuery(jpql, Object[].class)
            .setParameter("published", PostStatus.PUBLISHED)
            .setParameter("ids", ids)
            .getResultList();
    for (Object[] row : rows) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return counts;
  }

  private static void appendFilter(StringBuilder jpql, PostFilter filter) {
    if (filter.tagSlug() != null) {
      // exists, not in: probed post by post as the index is read in order, so a page of a tag
      // does not first collect every post of the tag
      jpql.append(
          " and exists (select t.id from Post tp join tp.tags t where tp.id = p.id"
              + " and t.slug = :tag and t.name not like '#%')");
    }
    if (filter.authorSlug() != null) {
      jpql.append(
          " and exists (select a.id from Post ap join ap.authors a where ap.id = p.id"
              + " and a.slug = :author)");
    }
    if (filter.featured() != null) {
      jpql.append(" and p.featured = :featured");
    }
  }

  private static void bindFilter(TypedQuery<?> query, PostFilter filter) {
    query.setParameter("published", PostStatus.PUBLISHED);
    if (filter.tagSlug() != null) {
      query.setParameter("tag", filter.tagSlug());
    }
    if (filter.authorSlug() != null) {
      query.setParameter("author", filter.authorSlug());
    }
    if (filter.featured() != null) {
      query.setParameter("featured", filter.featured());
    }
  }

  /** The JPQL of one order: its ORDER BY and the condition "comes after a position". */
  private enum Keyset {
    PUBLISHED_AT_DESC("p.publishedAt", false),
    PUBLISHED_AT_ASC("p.publishedAt", true),
    TITLE_ASC("p.title", true),
    UPDATED_AT_DESC("p.updatedAt", false);

    private final String path;
    private final boolean ascending;

    Keyset(String path, boolean ascending) {
      this.path = path;
      this.ascending = ascending;
    }

    static Keyset of(PostOrder order) {
      return valueOf(order.name());
    }

    /**
     * With the status fixed by the query, the status leads the order too: then H2 reads the index
     * on (status, date) in order and stops at the page's end instead of sorting every post.
     */
    String orderBy(boolean oneStatus) {
      String direction = ascending ? " asc" : " desc";
      return (oneStatus ? "p.status" + direction + ", " : "")
          + path
          + direction
          + ", p.id"
          + direction;
    }

    /** After the position; the first, redundant bound lets the index start there. */
    String after() {
      String cmp = ascending ? ">" : "<";
      return path
          + ' '
          + cmp
          + "= :afterValue and ("
          + path
          + ' '
          + cmp
          + " :afterValue or p.id "
          + cmp
          + " :afterId)";
    }

    Object sortValue(String value) {
      return this == TITLE_ASC ? value : OffsetDateTime.parse(value);
    }
  }
}

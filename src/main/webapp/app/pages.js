// The reader's pages. Each page function takes { params, query, signal } and resolves to
// { page, title, description, node }; it throws NotFound for an unknown slug.
import { gql, ApiError } from '/app/api.js';
import { HOME_PAGE, POST_PAGE, PREVIEW_PAGE, TAG_PAGE, AUTHOR_PAGE, SEARCH } from '/app/queries.js';
import { h, frag, postHref, tagHref, authorHref, safeUrl, dateEl, authorLinks, countLabel } from '/app/dom.js';

export const PAGE_SIZE = 6;
const SEARCH_PAGE_SIZE = 10;

export class NotFound extends Error {
  constructor(what = 'page') {
    super(`No such ${what}`);
    this.name = 'NotFound';
  }
}

// ---------------------------------------------------------------- shared pieces

/** "SPACE · 3 min read": the category label (linking to its tag page) and the reading time. */
function kicker(primaryTag, readingTime, featured = false) {
  return h(
    'p',
    { class: 'kicker' },
    featured ? h('span', { class: 'featured-badge' }, 'Featured') : null,
    primaryTag ? h('a', { class: 'category', href: tagHref(primaryTag.slug) }, primaryTag.name) : null,
    primaryTag && readingTime ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
    readingTime ? h('span', { class: 'reading-time' }, readingTime.label) : null,
  );
}

/** One post in a list: category, reading time, title, excerpt, author and date. */
function postCard(post, headingLevel = 'h2') {
  return h(
    'article',
    { class: post.featured ? 'post-card featured' : 'post-card' },
    kicker(post.primaryTag, post.readingTime, post.featured),
    h(headingLevel, { class: 'post-card-title' }, h('a', { href: postHref(post.slug) }, post.title)),
    post.excerpt ? h('p', { class: 'excerpt' }, post.excerpt) : null,
    h(
      'p',
      { class: 'meta' },
      post.author ? h('a', { class: 'author-name', href: authorHref(post.author.slug) }, post.author.name) : null,
      post.author && post.publishedAt ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
      dateEl(post.publishedAt),
    ),
  );
}

/** The list of a connection's posts, with "Older posts" (and "Newest posts") links. */
function postList(connection, { basePath, after, emptyText, params = {}, headingLevel = 'h2' }) {
  const posts = connection.edges.map((edge) => edge.node);
  const list = posts.length
    ? h('div', { class: 'post-list' }, posts.map((post) => postCard(post, headingLevel)))
    : h('p', { class: 'empty' }, emptyText);
  return frag(list, pager(connection.pageInfo, { basePath, after, params }));
}

function pager(pageInfo, { basePath, after, params = {}, olderText = 'Older posts', firstText = 'Newest posts' }) {
  const links = [];
  if (after) {
    const first = new URLSearchParams(params).toString();
    links.push(h('a', { class: 'pager-first', href: basePath + (first ? `?${first}` : '') }, '← ', firstText));
  }
  if (pageInfo && pageInfo.hasNextPage && pageInfo.endCursor) {
    const next = new URLSearchParams({ ...params, after: pageInfo.endCursor }).toString();
    links.push(h('a', { class: 'pager-next', href: `${basePath}?${next}`, rel: 'next' }, olderText, ' →'));
  }
  return links.length ? h('nav', { class: 'pager', 'aria-label': 'More posts' }, links) : null;
}

function avatar(author, size, alt) {
  const src = safeUrl(author.avatarUrl);
  if (!src) return h('span', { class: `avatar avatar-${size} avatar-initial`, 'aria-hidden': 'true' }, (author.name || '?').charAt(0).toUpperCase());
  return h('img', { class: `avatar avatar-${size}`, src, alt, width: size === 'lg' ? 96 : size === 'md' ? 64 : 32, height: size === 'lg' ? 96 : size === 'md' ? 64 : 32, loading: 'lazy', decoding: 'async' });
}

// ---------------------------------------------------------------- home

export async function homePage({ query, signal }) {
  const after = query.get('after') || null;
  const { posts, topics, site } = await gql(HOME_PAGE, { first: PAGE_SIZE, after }, { signal });
  const node = frag(
    h(
      'header',
      { class: 'page-header home-header' },
      h('h1', { tabindex: '-1' }, after ? 'Older posts' : 'Latest thinking'),
      h('p', { class: 'lede' }, 'Short essays about AI, robots, space and the future, written down so they don’t get forgotten.'),
    ),
    postList(posts, { basePath: '/', after, emptyText: 'Nothing published yet. Check back soon.' }),
  );
  return { page: 'home', title: after ? 'Older posts' : null, description: null, node, topics, site };
}

// ---------------------------------------------------------------- post

export async function postPage({ params, signal }) {
  const { data, errors } = await gql(POST_PAGE, { slug: params.slug }, { signal, partial: true });
  return renderPost(data, errors, false);
}

/** A draft shown through a preview link, /preview/{token}, with a banner saying so. */
export async function previewPage({ params, signal }) {
  const { data, errors } = await gql(PREVIEW_PAGE, { token: params.slug }, { signal, partial: true });
  return renderPost(data, errors, true);
}

function renderPost(data, errors, preview) {
  const { post, topics, site } = data || {};
  if (!post && errors.length) throw new ApiError('graphql', errors.map((e) => e.message).join(' '), { code: errors[0].extensions?.code });
  if (!post) throw new NotFound('post');
  // the post came; only its related list failed (an error under post.related)
  const relatedFailed = errors.some((e) => Array.isArray(e.path) && e.path[1] === 'related');
  if (errors.length && !relatedFailed) throw new ApiError('graphql', errors.map((e) => e.message).join(' '), { code: errors[0].extensions?.code });
  const related = relatedFailed || !post.related ? { error: true } : { items: post.related };

  const authors = post.authors && post.authors.length ? post.authors : post.author ? [post.author] : [];
  const headings = post.headings || [];

  const header = h(
    'header',
    { class: 'post-header' },
    kicker(post.primaryTag, post.readingTime),
    h('h1', { class: 'post-title', tabindex: '-1' }, post.title),
    post.subtitle ? h('p', { class: 'subtitle' }, post.subtitle) : null,
    h(
      'div',
      { class: 'byline' },
      authors.length ? h('span', { class: 'avatars', 'aria-hidden': 'true' }, authors.map((a) => avatar(a, 'sm', ''))) : null,
      h(
        'p',
        { class: 'byline-text' },
        authors.length ? h('span', { class: 'byline-authors' }, 'By ', authorLinks(authors)) : null,
        post.publishedAt ? h('span', { class: 'byline-date' }, dateEl(post.publishedAt)) : null,
      ),
    ),
  );

  const featureSrc = post.featureImage && safeUrl(post.featureImage.url);
  const figure = featureSrc
    ? h('figure', { class: 'feature-image' }, h('img', { src: featureSrc, alt: post.featureImage.alt || '' }))
    : null;

  const toc =
    headings.length >= 3
      ? h(
          'nav',
          { class: 'toc', 'aria-labelledby': 'toc-title' },
          h('h2', { id: 'toc-title', class: 'toc-title' }, 'On this page'),
          h(
            'ol',
            {},
            headings.map((heading) =>
              h('li', { class: `toc-level-${heading.level}` }, h('a', { href: `#${encodeURIComponent(heading.anchor)}` }, heading.text)),
            ),
          ),
        )
      : null;

  const body = h('div', { class: 'post-content' });
  body.innerHTML = post.html; // sanitized by the server: no scripts, handlers or javascript: URLs

  const tags = post.tags && post.tags.length
    ? h(
        'ul',
        { class: 'post-tags', 'aria-label': 'Tags' },
        post.tags.map((tag) => h('li', {}, h('a', { href: tagHref(tag.slug) }, tag.name))),
      )
    : null;

  const authorCards = h(
    'section',
    { class: 'author-cards', 'aria-labelledby': 'about-authors' },
    h('h2', { id: 'about-authors', class: 'section-title' }, 'Written by'),
    authors.map((author) => authorCard(author, 'h3')),
  );

  const banner = preview
    ? h(
        'p',
        { class: 'preview-banner', role: 'status' },
        h('strong', {}, 'Preview'),
        post.status === 'PUBLISHED'
          ? ' — this post is published; this link shows it as it is now.'
          : ` — this post is not published (${post.status.toLowerCase()}); only people with this link can see it.`,
      )
    : null;

  const node = frag(
    banner,
    h(
      'article',
      { class: 'post' },
      header,
      figure,
      toc,
      body,
      tags,
    ),
    relatedSection(post, related),
    authorCards,
  );
  return { page: preview ? 'preview' : 'post', title: preview ? `Preview: ${post.title}` : post.title, description: post.excerpt, node, topics, site };
}

function authorCard(author, headingLevel) {
  return h(
    'div',
    { class: 'author-card' },
    avatar(author, 'md', `${author.name}’s avatar`),
    h(
      'div',
      { class: 'author-card-text' },
      h(headingLevel, { class: 'author-card-name' }, h('a', { href: authorHref(author.slug) }, author.name)),
      author.bio ? h('p', { class: 'author-bio' }, author.bio) : null,
    ),
  );
}

function relatedSection(post, related) {
  let content;
  if (related.error) {
    content = h('p', { class: 'related-error', role: 'status' }, 'Related posts could not be loaded right now.');
  } else if (!related.items.length) {
    content = h('p', { class: 'empty' }, 'Nothing closely related yet.');
  } else {
    content = h(
      'ol',
      { class: 'related-list' },
      related.items.map((item) =>
        h(
          'li',
          { class: 'related-item' },
          kicker(item.post.primaryTag, item.post.readingTime),
          h('h3', { class: 'related-title' }, h('a', { href: postHref(item.post.slug) }, item.post.title)),
          relatedWhy(item),
        ),
      ),
    );
  }
  return h('section', { class: 'related', 'aria-labelledby': 'related-title' }, h('h2', { id: 'related-title' }, 'Related thinking'), content);
}

/** The server's reasons (RelatedReason values) in a reader's words. */
const REASONS = {
  SHARED_TAG: (item) => {
    const names = (item.sharedTags || []).map((tag) => tag.name);
    return names.length ? `also about ${listText(names)}` : 'shares a topic';
  },
  SAME_PRIMARY_TAG: (item) => {
    const category = item.post.primaryTag && item.post.primaryTag.name;
    // Already said by "also about …" when the category is one of the shared tags.
    if (category && (item.reasons || []).includes('SHARED_TAG') && (item.sharedTags || []).some((tag) => tag.name === category)) return null;
    return category ? `also in ${category}` : 'same category';
  },
  SIMILAR_TEXT: () => 'similar ideas',
  SAME_AUTHOR: () => 'same author',
  PINNED: () => 'picked by the editor',
  NEWEST_IN_CATEGORY: (item) => (item.post.primaryTag ? `recent in ${item.post.primaryTag.name}` : 'recent in this category'),
};

const listText = (words) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** Why a post is related, as the server explains it: its reasons, else the tags both share. */
function relatedWhy(item) {
  const phrases = [];
  for (const reason of item.reasons || []) {
    const code = String(reason);
    const phrase = REASONS[code] ? REASONS[code](item) : code.toLowerCase().replace(/_/g, ' ');
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  if (!phrases.length && item.sharedTags && item.sharedTags.length) phrases.push(REASONS.SHARED_TAG(item));
  if (!phrases.length) return null;
  const text = phrases.join(' · ');
  return h('p', { class: 'related-why' }, h('span', { class: 'visually-hidden' }, 'Why: '), text.charAt(0).toUpperCase() + text.slice(1));
}

// ---------------------------------------------------------------- tag

export async function tagPage({ params, query, signal }) {
  const after = query.get('after') || null;
  const { tag, topics, site } = await gql(TAG_PAGE, { slug: params.slug, first: PAGE_SIZE, after }, { signal });
  if (!tag) throw new NotFound('tag');
  const node = frag(
    h(
      'header',
      { class: 'page-header tag-header' },
      h('p', { class: 'kicker' }, h('span', { class: 'category' }, 'Topic')),
      h('h1', { tabindex: '-1' }, tag.name),
      tag.description ? h('p', { class: 'lede' }, tag.description) : null,
      h('p', { class: 'count-line' }, countLabel(tag.postCount, 'post')),
    ),
    postList(tag.posts, { basePath: tagHref(tag.slug), after, emptyText: 'No posts about this yet.' }),
  );
  return { page: 'tag', title: tag.name, description: tag.description || `Posts about ${tag.name}.`, node, topics, site };
}

// ---------------------------------------------------------------- author

export async function authorPage({ params, query, signal }) {
  const after = query.get('after') || null;
  const { author, topics, site } = await gql(AUTHOR_PAGE, { slug: params.slug, first: PAGE_SIZE, after }, { signal });
  if (!author) throw new NotFound('author');
  const website = safeUrl(author.website);
  const node = frag(
    h(
      'header',
      { class: 'page-header author-header' },
      avatar(author, 'lg', `${author.name}’s avatar`),
      h('h1', { tabindex: '-1' }, author.name),
      author.bio ? h('p', { class: 'lede author-bio' }, author.bio) : null,
      h(
        'p',
        { class: 'count-line' },
        author.location ? h('span', {}, author.location) : null,
        author.location ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
        website ? h('a', { href: website, rel: 'me noopener' }, new URL(website).host) : null,
        website ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
        h('span', {}, countLabel(author.postCount, 'post')),
      ),
    ),
    h('h2', { class: 'section-title' }, after ? `More by ${author.name}` : `Posts by ${author.name}`),
    // Post titles sit under the section heading here, so they are h3.
    postList(author.posts, { basePath: authorHref(author.slug), after, emptyText: 'No published posts yet.', headingLevel: 'h3' }),
  );
  return { page: 'author', title: author.name, description: author.bio || `Posts by ${author.name}.`, node, topics, site };
}

// ---------------------------------------------------------------- search

export async function searchPage({ query, signal, navigate }) {
  const q = (query.get('q') || '').trim();
  const after = query.get('after') || null;

  const input = h('input', { id: 'search-input', type: 'search', name: 'q', value: q, autocomplete: 'off', enterkeyhint: 'search', required: true });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', action: '/search', method: 'get' },
    h('label', { for: 'search-input' }, 'Search posts'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return input.focus();
    navigate(`/search?${new URLSearchParams({ q: value })}`);
  });

  let results = null;
  let topics;
  let site;
  if (q) {
    const { search, topics: found, site: foundSite } = await gql(SEARCH, { query: q, first: SEARCH_PAGE_SIZE, after }, { signal });
    topics = found;
    site = foundSite;
    const hits = search.edges.map((edge) => edge.node);
    results = frag(
      h('p', { class: 'count-line', role: 'status' }, hits.length ? `${countLabel(search.totalCount, 'post')} found for “${q}”` : `No posts match “${q}”.`),
      hits.length ? h('ol', { class: 'search-results' }, hits.map(searchHit)) : null,
      pager(search.pageInfo, { basePath: '/search', after, params: { q }, olderText: 'More results', firstText: 'First results' }),
    );
  }

  const node = frag(
    h('header', { class: 'page-header' }, h('h1', { tabindex: '-1' }, 'Search')),
    form,
    results,
  );
  return { page: 'search', title: q ? `Search: ${q}` : 'Search', description: 'Search the posts of this blog.', node, focus: q ? null : input, topics, site };
}

function searchHit(hit) {
  const post = hit.post;
  const snippet = h('p', { class: 'snippet' });
  if (hit.snippet) snippet.innerHTML = hit.snippet; // sanitized by the server: text with <mark>
  else snippet.textContent = post.excerpt || '';
  return h(
    'li',
    { class: 'search-hit post-card' },
    kicker(post.primaryTag, post.readingTime),
    h('h2', { class: 'post-card-title' }, h('a', { href: postHref(post.slug) }, post.title)),
    snippet,
    h(
      'p',
      { class: 'meta' },
      post.author ? h('a', { class: 'author-name', href: authorHref(post.author.slug) }, post.author.name) : null,
      post.author && post.publishedAt ? h('span', { class: 'dot', 'aria-hidden': 'true' }, '·') : null,
      dateEl(post.publishedAt),
    ),
  );
}

// ---------------------------------------------------------------- 404 and errors

export function notFoundPage() {
  const node = h(
    'section',
    { class: 'message-page not-found' },
    orbitIllustration(),
    h('p', { class: 'kicker' }, h('span', { class: 'category' }, '404')),
    h('h1', { tabindex: '-1' }, 'This page drifted out of orbit'),
    h('p', { class: 'lede' }, 'There’s no post, topic or author at this address. It may have moved, or it never launched.'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '/' }, 'Back to the home page'), h('a', { href: '/search' }, 'Search the blog')),
  );
  return { page: 'not-found', title: 'Page not found', description: 'This page drifted out of orbit.', node };
}

export function errorPage(error, { retry }) {
  const network = error instanceof ApiError && error.kind === 'network';
  const staleCursor = error instanceof ApiError && error.code === 'BAD_USER_INPUT' && new URLSearchParams(location.search).has('after');
  const badPreview = error instanceof ApiError && error.code === 'FORBIDDEN' && location.pathname.startsWith('/preview/');
  const title = network
    ? 'Can’t reach the blog right now'
    : staleCursor
      ? 'This page of posts can’t be found'
      : badPreview
        ? 'This preview link doesn’t work'
        : 'Something went wrong';
  const explanation = network
    ? 'The connection to the blog failed. Check your connection and try again.'
    : staleCursor
      ? 'The link to this page of posts isn’t valid any more. Start again from the first page.'
      : badPreview
        ? 'It may have expired or been revoked. Ask the author for a new link.'
        : 'The blog couldn’t answer this request. Please try again in a moment.';
  const detail = error instanceof ApiError && !network
    ? h('p', { class: 'error-detail' }, 'Details: ', h('code', {}, error.message), error.code ? [' ', h('code', {}, `(${error.code})`)] : null)
    : null;
  const firstPage = staleCursor ? location.pathname : '/';
  const node = h(
    'section',
    { class: 'message-page error', role: 'alert' },
    h('h1', { tabindex: '-1' }, title),
    h('p', { class: 'lede' }, explanation),
    detail,
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'),
      h('a', { href: firstPage }, staleCursor ? 'Go to the first page' : 'Back to the home page'),
    ),
  );
  return { page: 'error', title, description: null, node };
}

function orbitIllustration() {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 120 80');
  svg.setAttribute('class', 'illustration');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shapes = [
    ['ellipse', { cx: 60, cy: 40, rx: 50, ry: 16, fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-dasharray': '4 6', opacity: 0.5 }],
    ['circle', { cx: 60, cy: 40, r: 16, fill: '#fca311' }],
    ['circle', { cx: 108, cy: 20, r: 5, fill: 'currentColor' }],
    ['circle', { cx: 16, cy: 14, r: 1.5, fill: 'currentColor' }],
    ['circle', { cx: 98, cy: 68, r: 1.5, fill: 'currentColor' }],
    ['circle', { cx: 24, cy: 66, r: 1, fill: 'currentColor' }],
  ];
  for (const [tag, attrs] of shapes) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    svg.append(el);
  }
  return svg;
}

// The Jotter reader: a small client-side router over the page shell that the server sends for
// /, /p/{slug}, /tag/{slug}, /author/{slug}, /search and /preview/{token}. In-app links use history.pushState.
import { gql } from '/app/api.js';
import { TAGS } from '/app/queries.js';
import { h } from '/app/dom.js';
import { homePage, postPage, previewPage, tagPage, authorPage, searchPage, notFoundPage, errorPage, NotFound } from '/app/pages.js';

// the blog's name until its settings come with the first page (query Navigation)
let SITE = 'Jotter';
const main = document.getElementById('main');
const descriptionMeta = document.querySelector('meta[name="description"]');
let DEFAULT_DESCRIPTION = descriptionMeta ? descriptionMeta.getAttribute('content') : '';

// The same URLs the server answers with this shell (see ReaderPagesFilter).
const ROUTES = [
  { pattern: /^\/$/, page: homePage },
  { pattern: /^\/p\/([^/]+)\/?$/, page: postPage },
  { pattern: /^\/tag\/([^/]+)\/?$/, page: tagPage },
  { pattern: /^\/author\/([^/]+)\/?$/, page: authorPage },
  { pattern: /^\/search\/?$/, page: searchPage },
  { pattern: /^\/preview\/([^/]+)\/?$/, page: previewPage },
];

function match(pathname) {
  for (const route of ROUTES) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (m[1] === undefined) return { page: route.page, params: {} };
    try {
      return { page: route.page, params: { slug: decodeURIComponent(m[1]) } };
    } catch {
      return null; // a malformed %-escape: no such page
    }
  }
  return null;
}

/** Whether a same-origin path is one of the reader's pages (else the browser loads it). */
const isReaderPath = (pathname) => ROUTES.some((route) => route.pattern.test(pathname));

let renderCount = 0;
let controller = null;
let renderedKey = null;

/**
 * Shows the page for the current URL.
 * scrollY: where to scroll afterwards (back/forward); focus: move focus to the new h1 (in-app navigation).
 */
async function render({ scrollY = null, focus = false } = {}) {
  const id = ++renderCount;
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  renderedKey = location.pathname + location.search;

  main.setAttribute('aria-busy', 'true');
  const slow = setTimeout(() => {
    if (id !== renderCount) return;
    main.dataset.page = 'loading';
    main.replaceChildren(h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  }, 200);

  let result;
  const route = match(location.pathname);
  try {
    if (!route) throw new NotFound();
    result = await route.page({
      params: route.params,
      query: new URLSearchParams(location.search),
      signal,
      navigate,
    });
  } catch (error) {
    if (error && error.name === 'AbortError') return;
    if (id !== renderCount) return;
    result = error instanceof NotFound ? notFoundPage() : errorPage(error, { retry: () => render({ focus: true }) });
  }
  clearTimeout(slow);
  if (id !== renderCount) return;

  showSite(result.site);
  document.title = result.title ? `${result.title} — ${SITE}` : SITE;
  if (descriptionMeta) descriptionMeta.setAttribute('content', result.description || DEFAULT_DESCRIPTION);
  setRobots(result.page === 'not-found' || result.page === 'error' || result.page === 'preview');
  main.replaceChildren(result.node);
  main.dataset.page = result.page;
  main.setAttribute('aria-busy', 'false');
  showTopics(result.topics);
  markCurrentNav();

  const target = location.hash ? findAnchor(location.hash) : null;
  if (scrollY !== null) window.scrollTo(0, scrollY);
  else if (target) target.scrollIntoView();
  else window.scrollTo(0, 0);

  if (focus) {
    const el = result.focus || main.querySelector('h1');
    if (el) el.focus({ preventScroll: true });
  }
}

function findAnchor(hash) {
  let id;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  return id ? document.getElementById(id) : null;
}

function setRobots(noindex) {
  let meta = document.querySelector('meta[name="robots"]');
  if (noindex && !meta) document.head.append(h('meta', { name: 'robots', content: 'noindex' }));
  else if (!noindex && meta) meta.remove();
}

function rememberScroll() {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
}

/** In-app navigation to a reader URL (path, query and hash). */
export function navigate(to) {
  const url = new URL(to, location.href);
  rememberScroll();
  history.pushState({ scrollY: null }, '', url.pathname + url.search + url.hash);
  render({ focus: true });
}

// Same-origin links to reader pages navigate in the app; everything else is left to the browser.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link) return;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !isReaderPath(url.pathname)) return;
  // A link to an anchor of this very page: the browser scrolls (and popstate below ignores it).
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.href);
});

window.addEventListener('popstate', (event) => {
  if (location.pathname + location.search === renderedKey) {
    // Only the #anchor changed: scroll to it, keep the page.
    const target = location.hash ? findAnchor(location.hash) : null;
    if (target) target.scrollIntoView();
    return;
  }
  const scrollY = event.state && typeof event.state.scrollY === 'number' ? event.state.scrollY : null;
  render({ scrollY, focus: true });
});

// The skip link moves focus to <main> without touching the URL.
const skip = document.querySelector('.skip-link');
if (skip) {
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
}

// ---------------------------------------------------------------- site navigation

const navSearch = document.getElementById('nav-search');

function markCurrentNav() {
  for (const link of document.querySelectorAll('.site-nav a')) {
    const path = new URL(link.href).pathname;
    if (path === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

let topicsShown = false;
let menuShown = false;

/**
 * The blog's settings (blog { … } in every page's query): its name in the header, the footer and
 * the window title; its main menu in place of the top topics; its secondary menu in the footer.
 */
function showSite(site) {
  if (!site || menuShown) return;
  menuShown = site.navigation.length > 0;
  SITE = site.title;
  if (site.description) DEFAULT_DESCRIPTION = site.description;
  const brand = document.querySelector('.site-header .brand');
  if (brand) {
    const mark = site.logo ? h('img', { class: 'brand-logo', src: site.logo, alt: '', height: '24' }) : brand.querySelector('svg');
    brand.replaceChildren(...(mark ? [mark] : []), site.title);
  }
  const footer = document.querySelector('.site-footer p');
  if (footer) footer.replaceChildren(h('a', { href: '/' }, site.title), site.description ? ` — ${site.description}` : '');
  if (menuShown && navSearch) {
    for (const old of document.querySelectorAll('#nav-list > li:not(#nav-search)')) old.remove();
    navSearch.before(...site.navigation.map((item) => h('li', { class: 'nav-item' }, h('a', { href: item.url }, item.label))));
  }
  if (site.secondaryNavigation.length > 0) {
    const inner = document.querySelector('.site-footer-inner');
    if (inner && !inner.querySelector('.footer-nav')) {
      inner.append(
        h('nav', { class: 'footer-nav', 'aria-label': 'Secondary' },
          h('ul', {}, ...site.secondaryNavigation.map((item) => h('li', {}, h('a', { href: item.url }, item.label))))),
      );
    }
  }
}

/**
 * The top topics in the site navigation, from the page's own query (every page asks for them, so a
 * page is one request); a page that asked nothing (search without words, an unknown address) asks
 * for them alone, once.
 */
function showTopics(tags) {
  if (!navSearch || topicsShown) return;
  if (!tags) {
    gql(TAGS).then(
      (data) => {
        showSite(data.site);
        showTopics(data.topics);
      },
      () => {}, // a convenience: without them the nav still has Home and Search
    );
    return;
  }
  topicsShown = true;
  if (menuShown) return; // the blog's own menu replaces the top topics
  const top = tags
    .filter((tag) => tag.postCount > 0)
    .sort((a, b) => b.postCount - a.postCount || a.name.localeCompare(b.name))
    .slice(0, 4)
    .sort((a, b) => a.name.localeCompare(b.name));
  navSearch.before(...top.map((tag) => h('li', { class: 'nav-topic' }, h('a', { href: `/tag/${encodeURIComponent(tag.slug)}` }, tag.name))));
  markCurrentNav();
}

if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
history.replaceState({ ...(history.state || {}) }, '');
render();

// DOM helpers. Text always goes in as text (textContent / text nodes), never as HTML.

/**
 * h('a', { href: '/p/x', class: 'title' }, 'Some text', childNode)
 * Attributes with null/undefined/false values are left out; `text` sets textContent.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, nested arrays; null/false skipped) as nodes or text. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A fragment of several nodes. */
export function frag(...children) {
  return append(document.createDocumentFragment(), children);
}

export const postHref = (slug) => `/p/${encodeURIComponent(slug)}`;
export const tagHref = (slug) => `/tag/${encodeURIComponent(slug)}`;
export const authorHref = (slug) => `/author/${encodeURIComponent(slug)}`;

/** A link to a URL given by the API, only if it is http(s) or site-relative; else null. */
export function safeUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url, location.origin);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** <time datetime="…">Nov 12, 2026</time>, or null without a date. */
export function dateEl(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return h('time', { datetime: iso }, dateFormat.format(date));
}

/** "astro", "astro and Nova", "astro, Nova and Vega" as links to the author pages. */
export function authorLinks(authors) {
  const parts = [];
  authors.forEach((author, i) => {
    if (i > 0) parts.push(i === authors.length - 1 ? ' and ' : ', ');
    parts.push(h('a', { href: authorHref(author.slug) }, author.name));
  });
  return parts;
}

/** "1 post", "12 posts". */
export const countLabel = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The posts list: by status (drafts, scheduled, published, trash), with search and paging. Authors
// and contributors see their own posts; editors and administrators everybody's (staffPosts decides).

import { h } from '/app/dom.js';
import { gql } from '../api.js';
import { when } from '../format.js';

const PAGE = 20;

const TABS = [
  ['', 'All'],
  ['DRAFT', 'Drafts'],
  ['SCHEDULED', 'Scheduled'],
  ['PUBLISHED', 'Published'],
  ['TRASHED', 'Trash'],
];

const LIST = `query DeskPosts($status: PostStatus, $query: String, $first: Int!, $after: String) {
  staffPosts(status: $status, query: $query, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id title slug status updatedAt publishedAt authors { name } primaryTag { name } }
  }
}`;

const hashOf = (status, query, after) => {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (query) params.set('q', query);
  if (after) params.set('after', after);
  const search = params.toString();
  return search ? `#/posts?${search}` : '#/posts';
};

export async function postsView(ctx) {
  const status = TABS.some(([s]) => s === ctx.query.get('status')) ? ctx.query.get('status') : '';
  const query = (ctx.query.get('q') || '').trim();
  const after = ctx.query.get('after') || null;
  const { staffPosts: page } = await gql(LIST, { status: status || null, query: query || null, first: PAGE, after });

  const search = h('input', { id: 'post-search', type: 'search', name: 'q', value: query, placeholder: 'Words of the title' });
  const searchForm = h(
    'form',
    { class: 'toolbar', role: 'search' },
    h('div', { class: 'grow stack' }, h('label', { for: 'post-search' }, 'Search posts'), search),
    h('button', { type: 'submit' }, 'Search'),
    h('a', { class: 'button primary', href: '#/posts/new' }, 'New post'),
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(hashOf(status, search.value.trim(), null));
  });

  const tabs = h(
    'ul',
    { class: 'tabs', 'aria-label': 'Posts by status' },
    TABS.map(([s, label]) => h('li', {}, h('a', { href: hashOf(s, query, null), 'aria-current': s === status ? 'page' : null }, label))),
  );

  const count = page.totalCount;
  const summary = h(
    'p',
    { class: 'muted', role: 'status' },
    count === 0 ? (query ? `No post matches “${query}”.` : 'No posts here yet.') : `${count} ${count === 1 ? 'post' : 'posts'}${query ? ` matching “${query}”` : ''}.`,
  );

  const list = h('ul', { class: 'post-list' }, page.nodes.map((post) => row(ctx, post)));
  const paging = h(
    'div',
    { class: 'actions' },
    after ? h('a', { class: 'button', href: hashOf(status, query, null) }, 'First page') : null,
    page.pageInfo.hasNextPage ? h('a', { class: 'button', href: hashOf(status, query, page.pageInfo.endCursor), rel: 'next' }, 'More posts') : null,
  );

  const node = h('section', { class: 'panel' }, h('h1', {}, 'Posts'), searchForm, tabs, summary, list, paging);
  node.dataset.title = 'Posts';
  return node;
}

function row(ctx, post) {
  const restore =
    post.status === 'TRASHED'
      ? h('button', {
          type: 'button',
          onclick: async (event) => {
            event.target.disabled = true;
            try {
              await gql('mutation DeskRestore($id: ID!) { restorePost(id: $id) { id status } }', { id: post.id });
              ctx.notify(`“${post.title}” is back, as a draft.`, 'success');
              ctx.navigate(location.hash);
            } catch (err) {
              ctx.notify(err.message, 'error');
              event.target.disabled = false;
            }
          },
        }, 'Restore')
      : null;
  const dates =
    post.status === 'PUBLISHED' ? `published ${when(post.publishedAt)}` : post.status === 'SCHEDULED' ? `publishes ${when(post.publishedAt)}` : `edited ${when(post.updatedAt)}`;
  return h(
    'li',
    { 'data-post-id': post.id },
    h(
      'div',
      {},
      h('a', { class: 'title', href: `#/posts/${post.id}` }, post.title || '(untitled)'),
      ' ',
      h('span', { class: `badge ${post.status.toLowerCase()}` }, post.status.toLowerCase()),
      h('div', { class: 'meta' }, [post.primaryTag ? post.primaryTag.name : null, post.authors.map((a) => a.name).join(', '), dates].filter(Boolean).join(' · ')),
    ),
    restore,
  );
}

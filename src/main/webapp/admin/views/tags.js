// Tags (editors and administrators): every tag, internal (#) ones too (allTags, a page at a time),
// with create, edit (name, slug, description) and delete (which answers how many published posts
// had the tag).

import { h, frag, tagHref } from '/app/dom.js';
import { gql } from '../api.js';
import { page, field, formError, onSubmit, confirmDialog, showError } from './kit.js';
import { plural } from '../format.js';

const PAGE = 50;

const LIST = `query DeskTags($first: Int!, $after: String) {
  allTags(first: $first, after: $after) { id name slug description postCount }
}`;
const CREATE = `mutation DeskCreateTag($input: TagInput!) { createTag(input: $input) { id name slug } }`;
const UPDATE = `mutation DeskUpdateTag($slug: String!, $input: TagInput!) { updateTag(slug: $slug, input: $input) { id name slug description } }`;
const DELETE = `mutation DeskDeleteTag($slug: String!) { deleteTag(slug: $slug) }`;

export async function tagsView(ctx) {
  const list = h('div', { class: 'tag-list' });
  const summary = h('p', { class: 'muted', role: 'status' });
  let tags = [];
  let more = false;

  /** Loads the first page again (after a change), or the next page (more = true). */
  async function load(next = false) {
    const after = next && tags.length ? tags[tags.length - 1].slug : null;
    const { allTags } = await gql(LIST, { first: PAGE + 1, after });
    more = allTags.length > PAGE;
    const chunk = allTags.slice(0, PAGE);
    tags = next ? tags.concat(chunk) : chunk;
    draw();
  }

  function draw() {
    summary.textContent = tags.length === 0 ? 'No tags yet.' : `${plural(tags.length, 'tag')}${more ? ' so far' : ''}.`;
    const rows = tags.map((tag) => row(tag));
    const moreButton = more
      ? h('button', { type: 'button', onclick: (event) => reload(event.currentTarget, true) }, 'More tags')
      : null;
    const table = tags.length
      ? h(
          'table',
          { class: 'admin-table' },
          h('thead', {}, h('tr', {}, ['Name', 'Slug', 'Published posts', 'Description'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
          h('tbody', {}, rows),
        )
      : null;
    list.replaceChildren(frag(table, moreButton && h('div', { class: 'actions' }, moreButton)));
  }

  async function reload(button, next) {
    button.disabled = true;
    try {
      await load(next);
    } catch (err) {
      ctx.notify(err.message, 'error');
      button.disabled = false;
    }
  }

  function row(tag) {
    const internal = tag.name.startsWith('#');
    return h(
      'tr',
      { 'data-tag': tag.slug },
      h('td', { 'data-label': 'Name' }, internal ? h('span', { class: 'tag-name' }, tag.name, ' ', h('span', { class: 'badge' }, 'internal')) : h('a', { class: 'tag-name', href: tagHref(tag.slug) }, tag.name)),
      h('td', { 'data-label': 'Slug' }, h('code', {}, tag.slug)),
      h('td', { 'data-label': 'Published posts' }, String(tag.postCount)),
      h('td', { 'data-label': 'Description', class: 'wrap' }, tag.description || h('span', { class: 'muted' }, '—')),
      h(
        'td',
        { class: 'row-actions' },
        h('button', { type: 'button', 'aria-label': `Edit ${tag.name}`, onclick: () => edit(tag) }, 'Edit'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${tag.name}`, onclick: () => remove(tag) }, 'Delete'),
      ),
    );
  }

  async function remove(tag) {
    const had = await confirmDialog({
      title: `Delete the tag “${tag.name}”?`,
      message: `It is taken off every post that has it (${plural(tag.postCount, 'published post')}). This cannot be undone.`,
      confirm: 'Delete tag',
      action: async () => (await gql(DELETE, { slug: tag.slug })).deleteTag,
    });
    if (had === undefined) return;
    ctx.notify(`Deleted the tag “${tag.name}”: ${plural(had, 'published post')} had it.`, 'success');
    await load().catch((err) => ctx.notify(err.message, 'error'));
    listTitle.focus(); // its row, and the button, are gone
  }

  function edit(tag) {
    const name = h('input', { type: 'text', required: true, maxlength: 150, value: tag.name });
    const slug = h('input', { type: 'text', required: true, maxlength: 150, value: tag.slug, spellcheck: 'false', autocomplete: 'off' });
    const description = h('textarea', { rows: 3, maxlength: 500 }, tag.description || '');
    const error = formError();
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'stack' },
      h('h2', { id: 'tag-edit-title' }, `Edit “${tag.name}”`),
      ...field('tag-edit-name', 'Name', name, 'A name starting with # makes an internal tag, never shown to readers.'),
      ...field('tag-edit-slug', 'Slug', slug, 'The tag page lives at /tag/<slug>.'),
      ...field('tag-edit-description', 'Description', description),
      error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save tag'), cancel),
    );
    const dialog = h('dialog', { class: 'tag-edit', 'aria-labelledby': 'tag-edit-title' }, form);
    const opener = document.activeElement;
    const close = () => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
    };
    cancel.addEventListener('click', close);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (form.dataset.sending !== 'true') close();
    });
    onSubmit(form, error, async () => {
      const { updateTag: saved } = await gql(UPDATE, {
        slug: tag.slug,
        input: { name: name.value.trim(), slug: slug.value.trim(), description: description.value.trim() },
      });
      close();
      ctx.notify(`Saved the tag “${saved.name}”.`, 'success');
      await load().catch((err) => ctx.notify(err.message, 'error'));
      const moved = list.querySelector(`tr[data-tag="${CSS.escape(saved.slug)}"] button`);
      if (moved) moved.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    name.focus();
  }

  // the form that adds a tag
  const name = h('input', { type: 'text', required: true, maxlength: 150 });
  const slug = h('input', { type: 'text', maxlength: 150, spellcheck: 'false', autocomplete: 'off' });
  const description = h('textarea', { rows: 2, maxlength: 500 });
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'tag-new-title' },
    ...field('tag-name', 'Name', name, 'A name starting with # makes an internal tag, never shown to readers.'),
    ...field('tag-slug', 'Slug (optional)', slug, 'Made from the name when left empty.'),
    ...field('tag-description', 'Description', description),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add tag')),
  );
  onSubmit(form, error, async () => {
    const input = { name: name.value.trim(), description: description.value.trim() || null };
    if (slug.value.trim()) input.slug = slug.value.trim();
    const { createTag: created } = await gql(CREATE, { input });
    form.reset();
    ctx.notify(`Added the tag “${created.name}” (/tag/${created.slug}).`, 'success');
    try {
      await load();
    } catch (err) {
      showError(error, err);
    }
  });

  const listTitle = h('h2', { id: 'tag-list-title', tabindex: '-1' }, 'All tags');
  await load();
  return page(
    'Tags',
    h('section', { class: 'panel' }, h('h2', { id: 'tag-new-title' }, 'New tag'), form),
    h('section', { class: 'panel', 'aria-labelledby': 'tag-list-title' }, listTitle, summary, list),
  );
}

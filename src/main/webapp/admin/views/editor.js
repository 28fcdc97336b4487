// The post editor: Markdown on the left, the server's own rendering on the right (renderMarkdown:
// the renderer, headings and reading time a saved post gets), autosave with expectedVersion, the
// edit-conflict view (theirs and mine side by side, merged without losing a line), publishing and
// scheduling, preview links, revisions with diffs, related thinking with pins and exclusions,
// images, tags, co-authors and SEO fields.

import { h } from '/app/dom.js';
import { gql, uploadImage } from '../api.js';
import { atLeast } from '../session.js';
import { when, timeZone, toLocalInput, fromLocalInput, plural } from '../format.js';

const AUTOSAVE_MS = 1500;
const PREVIEW_MS = 300;

const POST_FIELDS = `id version title subtitle slug status publishedAt updatedAt markdown customExcerpt featured
  featureImage { url alt }
  authors { slug name }
  allTags { slug name }
  seoSettings { metaTitle metaDescription canonicalUrl ogTitle ogDescription ogImage twitterTitle twitterDescription twitterImage }
  seo { metaTitle metaDescription canonicalUrl ogTitle ogDescription ogImage twitterTitle twitterDescription twitterImage }`;

const LOAD = `query DeskPost($id: ID!) { staffPost(id: $id) { ${POST_FIELDS} } }`;
const CHOICES = `query DeskChoices { allTags(first: 100) { slug name } allAuthors(first: 100) { slug name } }`;
const CREATE = `mutation DeskCreate($input: PostInput!) { createDraft(input: $input) { ${POST_FIELDS} } }`;
const UPDATE = `mutation DeskUpdate($id: ID!, $expectedVersion: BigInteger!, $input: PostInput!) {
  updatePost(id: $id, expectedVersion: $expectedVersion, input: $input) {
    __typename
    ... on EditSaved { post { ${POST_FIELDS} } }
    ... on EditConflict { message conflictingFields currentVersion current { ${POST_FIELDS} } }
  }
}`;
const PREVIEW = `query DeskPreview($markdown: String!, $hasFeatureImage: Boolean) {
  renderMarkdown(markdown: $markdown, hasFeatureImage: $hasFeatureImage) { html readingTime { words minutes label } }
}`;
const DIFF = `query DeskDiff($before: String!, $after: String!) { compareTexts(before: $before, after: $after) { added removed lines { kind text } } }`;

const SEO_FIELDS = [
  ['metaTitle', 'Meta title'],
  ['metaDescription', 'Meta description'],
  ['canonicalUrl', 'Canonical URL'],
  ['ogTitle', 'Open Graph title'],
  ['ogDescription', 'Open Graph description'],
  ['ogImage', 'Open Graph image URL'],
  ['twitterTitle', 'X / Twitter title'],
  ['twitterDescription', 'X / Twitter description'],
  ['twitterImage', 'X / Twitter image URL'],
];

/** What the editor sends: the fields of PostInput, from a loaded post or the form. */
function inputOf(post) {
  return {
    title: post.title || '',
    subtitle: post.subtitle || '',
    slug: post.slug || '',
    customExcerpt: post.customExcerpt || '',
    markdown: post.markdown || '',
    featured: !!post.featured,
    featureImage: { url: post.featureImage ? post.featureImage.url : '', alt: post.featureImage ? post.featureImage.alt || '' : '' },
    tags: (post.allTags || []).map((t) => t.slug),
    authors: (post.authors || []).map((a) => a.slug),
    seo: Object.fromEntries(SEO_FIELDS.map(([key]) => [key, (post.seoSettings && post.seoSettings[key]) || ''])),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** A deep copy: the form never shares an array or object with the saved state it is compared to. */
const copy = (value) => JSON.parse(JSON.stringify(value));

/** The fields of `now` that differ from `saved` (a new post sends everything but an empty slug). */
function changes(saved, now) {
  const out = {};
  for (const key of Object.keys(now)) if (!saved || !same(saved[key], now[key])) out[key] = now[key];
  if (!saved && !out.slug) delete out.slug;
  return out;
}

/**
 * Every line of both texts, in order: where they differ, the lines only in theirs, then the lines
 * only in mine, kept apart by a blank line so that two rewritten paragraphs stay two paragraphs.
 */
export function unionOf(lines) {
  const out = [];
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    if (line.kind === 'ADDED' && before && before.kind === 'REMOVED' && before.text.trim() && line.text.trim()) out.push('');
    out.push(line.text);
  });
  return out.join('\n');
}

export async function editorView(ctx) {
  const id = ctx.params[0] || null;
  const [loaded, choices] = await Promise.all([id ? gql(LOAD, { id }) : Promise.resolve(null), gql(CHOICES).catch(() => ({ allTags: [], allAuthors: [] }))]);
  let post = loaded ? loaded.staffPost : null;
  if (id && !post) {
    const node = h('section', { class: 'panel' }, h('h1', {}, 'Post not found'), h('p', {}, 'There is no such post, or it is not yours to see.'), h('a', { href: '#/posts' }, 'Back to your posts'));
    node.dataset.title = 'Post not found';
    return node;
  }
  const me = ctx.user;
  const tagChoices = choices.allTags;
  const authorChoices = choices.allAuthors;

  // --- state ---------------------------------------------------------------------------------
  let saved = post ? inputOf(post) : null; // what the server has, as PostInput
  let form = post ? inputOf(post) : { ...inputOf({}), authors: [me.authorSlug] };
  let saving = null; // the save in flight
  let timer = null;
  let conflict = null;

  // --- the form ------------------------------------------------------------------------------
  const title = h('input', { id: 'post-title', class: 'title', type: 'text', maxlength: 255, placeholder: 'Title', value: form.title, autocomplete: 'off' });
  const body = h('textarea', { id: 'post-markdown', class: 'body', spellcheck: 'true', placeholder: 'Write in Markdown…' });
  body.value = form.markdown;
  const statusLine = h('span', { class: 'saved', role: 'status', 'aria-live': 'polite' });
  const counts = h('span', { class: 'counts', 'aria-live': 'off' });
  const heading = h('h1', {}, post ? 'Edit post' : 'New post');
  const badge = h('span', { class: 'badge' });
  const previewBody = h('div', { class: 'preview-body' });
  const preview = h('section', { class: 'preview', 'aria-label': 'Preview' }, h('p', { class: 'preview-label' }, 'Preview, rendered by Jotter'), h('h2', { class: 'preview-title' }), previewBody);
  const conflictBox = h('section', { class: 'panel conflict', hidden: true, 'aria-labelledby': 'conflict-title' });
  const errorBox = h('p', { class: 'form-error', role: 'alert', hidden: true });

  const text = (id, label, key, attrs = {}) => {
    const input = h('input', { id, type: 'text', value: form[key], ...attrs });
    input.addEventListener('input', () => {
      form[key] = input.value;
      changed();
    });
    return [h('label', { for: id }, label), input];
  };

  title.addEventListener('input', () => {
    form.title = title.value;
    preview.querySelector('.preview-title').textContent = title.value;
    changed();
  });
  body.addEventListener('input', () => {
    form.markdown = body.value;
    changed({ render: true });
  });

  // images into the body: a button, drag and drop, paste
  const bodyImage = h('input', { id: 'body-image', type: 'file', accept: 'image/png,image/jpeg,image/webp,image/gif', hidden: true });
  bodyImage.addEventListener('change', () => {
    if (bodyImage.files[0]) insertImage(bodyImage.files[0]);
    bodyImage.value = '';
  });
  dropTarget(body, (file) => insertImage(file));
  body.addEventListener('paste', (event) => {
    const file = [...(event.clipboardData ? event.clipboardData.files : [])].find((f) => f.type.startsWith('image/'));
    if (file) {
      event.preventDefault();
      insertImage(file);
    }
  });

  async function insertImage(file) {
    statusLine.textContent = `Uploading ${file.name}…`;
    try {
      const image = await uploadImage(file);
      const alt = (file.name || 'image').replace(/\.[^.]+$/, '').replace(/[[\]]/g, '');
      const at = body.selectionStart ?? body.value.length;
      const before = body.value.slice(0, at);
      const markdown = `${before && !before.endsWith('\n') ? '\n\n' : ''}![${alt}](${image.url})\n\n`;
      body.setRangeText(markdown, at, body.selectionEnd ?? at, 'end');
      form.markdown = body.value;
      changed({ render: true });
    } catch (err) {
      showError(err);
    }
  }

  // feature image: upload (button or drop) and its alt text
  const featureAlt = h('input', { id: 'feature-alt', type: 'text', value: form.featureImage.alt, placeholder: 'What the image shows' });
  const featureShown = h('div', { class: 'feature-image' });
  const featureFile = h('input', { id: 'feature-file', type: 'file', accept: 'image/png,image/jpeg,image/webp,image/gif' });
  const featureDrop = h('div', { class: 'drop-zone' }, h('label', { for: 'feature-file' }, 'Feature image'), h('p', { class: 'hint' }, 'Choose a file or drop one here.'), featureFile);
  const showFeature = () => {
    featureShown.replaceChildren(
      ...(form.featureImage.url
        ? [
            h('img', { src: form.featureImage.url, alt: form.featureImage.alt || '' }),
            h('button', {
              type: 'button',
              onclick: () => {
                form.featureImage = { url: '', alt: '' };
                featureAlt.value = '';
                showFeature();
                changed({ render: true });
              },
            }, 'Remove feature image'),
          ]
        : []),
    );
  };
  const setFeature = async (file) => {
    statusLine.textContent = `Uploading ${file.name}…`;
    try {
      const image = await uploadImage(file);
      form.featureImage = { url: image.url, alt: featureAlt.value };
      showFeature();
      changed({ render: true });
    } catch (err) {
      showError(err);
    }
  };
  featureFile.addEventListener('change', () => {
    if (featureFile.files[0]) setFeature(featureFile.files[0]);
    featureFile.value = '';
  });
  dropTarget(featureDrop, setFeature);
  featureAlt.addEventListener('input', () => {
    form.featureImage = { ...form.featureImage, alt: featureAlt.value };
    changed();
  });

  // tags and co-authors as ordered chips
  const tagList = h('ul', { class: 'chips', 'aria-label': 'Tags of this post, the first is its category' });
  const tagInput = h('input', { id: 'tag-add', type: 'text', list: 'tag-choices', placeholder: 'Add a tag', autocomplete: 'off' });
  const tagData = h('datalist', { id: 'tag-choices' }, tagChoices.map((t) => h('option', { value: t.name })));
  const authorList = h('ul', { class: 'chips', 'aria-label': 'Authors of this post, the first is the primary author' });
  const authorSelect = h(
    'select',
    { id: 'author-add' },
    h('option', { value: '' }, 'Add a co-author…'),
    authorChoices.map((a) => h('option', { value: a.slug }, a.name)),
  );
  const nameOf = (list, slug) => (list.find((x) => x.slug === slug) || { name: slug }).name;
  const chips = (list, values, names, label) =>
    list.replaceChildren(
      ...values.map((slug, i) =>
        h(
          'li',
          {},
          nameOf(names, slug),
          h('button', {
            type: 'button',
            'aria-label': `Remove ${label} ${nameOf(names, slug)}`,
            onclick: () => {
              values.splice(i, 1);
              showChips();
              changed({ render: false });
            },
          }, '×'),
        ),
      ),
    );
  const showChips = () => {
    chips(tagList, form.tags, [...tagChoices, ...(post ? post.allTags : [])], 'tag');
    chips(authorList, form.authors, [...authorChoices, ...(post ? post.authors : []), { slug: me.authorSlug, name: me.name }], 'author');
  };
  const addTag = async () => {
    const wanted = tagInput.value.trim();
    if (!wanted) return;
    let tag = tagChoices.find((t) => t.name.toLowerCase() === wanted.toLowerCase() || t.slug === wanted.toLowerCase());
    if (!tag) {
      if (!atLeast('EDITOR')) {
        showError(new Error(`There is no tag “${wanted}”; an editor can create it.`));
        return;
      }
      try {
        const data = await gql('mutation DeskCreateTag($input: TagInput!) { createTag(input: $input) { slug name } }', { input: { name: wanted } });
        tag = data.createTag;
        tagChoices.push(tag);
        tagData.append(h('option', { value: tag.name }));
        ctx.notify(`Tag “${tag.name}” created.`, 'success');
      } catch (err) {
        showError(err);
        return;
      }
    }
    if (!form.tags.includes(tag.slug)) form.tags.push(tag.slug);
    tagInput.value = '';
    showChips();
    changed();
  };
  tagInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addTag();
    }
  });
  authorSelect.addEventListener('change', () => {
    if (authorSelect.value && !form.authors.includes(authorSelect.value)) form.authors.push(authorSelect.value);
    authorSelect.value = '';
    showChips();
    changed();
  });

  const featured = h('input', { id: 'post-featured', type: 'checkbox', checked: form.featured });
  featured.addEventListener('change', () => {
    form.featured = featured.checked;
    changed();
  });

  /** What Jotter derives for an SEO field left empty (Post.seo), shown as its placeholder. */
  const derived = (key) => (post && post.seo && post.seo[key]) || '';
  const seoInputs = SEO_FIELDS.map(([key, label]) => {
    const input = h('input', { id: `seo-${key}`, type: 'text', value: form.seo[key], placeholder: derived(key) });
    input.addEventListener('input', () => {
      form.seo = { ...form.seo, [key]: input.value };
      changed();
    });
    return [h('label', { for: `seo-${key}` }, label), input];
  });

  // --- publishing ----------------------------------------------------------------------------
  const publishing = h('section', { class: 'panel', 'aria-labelledby': 'publish-title' });
  const extra = h('div', { class: 'side-extra' });

  function showPublishing() {
    const may = atLeast('AUTHOR');
    const whenInput = h('input', { id: 'publish-at', type: 'datetime-local', value: toLocalInput(post && post.status === 'SCHEDULED' ? post.publishedAt : new Date(Date.now() + 3600_000).toISOString()) });
    const parts = [h('h2', { id: 'publish-title' }, 'Publishing')];
    if (!post) {
      parts.push(h('p', { class: 'hint' }, 'Give the post a title: it is saved as a draft as you write.'));
    } else {
      const state = {
        DRAFT: 'A draft: only its authors and editors see it.',
        SCHEDULED: `Scheduled for ${when(post.publishedAt)} (${timeZone()}).`,
        PUBLISHED: `Published ${when(post.publishedAt)}.`,
        TRASHED: 'In the trash: restore it to edit it again.',
      }[post.status];
      parts.push(h('p', { class: 'publish-state' }, state));
      const buttons = [];
      if (post.status === 'TRASHED') {
        buttons.push(action('Restore', 'mutation DeskRestore($id: ID!) { restorePost(id: $id) { id } }', 'Restored as a draft.'));
      } else {
        if (may && post.status !== 'PUBLISHED') buttons.push(action('Publish now', 'mutation DeskPublish($id: ID!) { publishPost(id: $id) { id } }', 'Published.', { primary: true }));
        if (may && post.status === 'PUBLISHED') buttons.push(action('Unpublish', 'mutation DeskUnpublish($id: ID!) { unpublishPost(id: $id) { id } }', 'Back to draft.'));
        if (may && post.status === 'SCHEDULED') buttons.push(action('Cancel schedule', 'mutation DeskUnschedule($id: ID!) { unpublishPost(id: $id) { id } }', 'No longer scheduled.'));
        if (post.status === 'PUBLISHED') buttons.push(h('a', { class: 'button', href: `/p/${encodeURIComponent(post.slug)}`, target: '_blank', rel: 'noopener' }, 'View on the blog'));
        buttons.push(h('button', { type: 'button', onclick: previewLink }, 'Preview link'));
        buttons.push(action('Move to trash', 'mutation DeskTrash($id: ID!) { deletePost(id: $id) { id } }', 'Moved to the trash.', { danger: true, then: () => ctx.navigate('#/posts?status=TRASHED') }));
      }
      parts.push(h('div', { class: 'actions' }, buttons));
      if (may && post.status !== 'PUBLISHED' && post.status !== 'TRASHED') {
        const schedule = h(
          'form',
          { class: 'stack schedule' },
          h('label', { for: 'publish-at' }, `Publish at (${timeZone()})`),
          whenInput,
          h('div', { class: 'actions' }, h('button', { type: 'submit' }, post.status === 'SCHEDULED' ? 'Reschedule' : 'Schedule')),
        );
        schedule.addEventListener('submit', async (event) => {
          event.preventDefault();
          const at = fromLocalInput(whenInput.value);
          if (!at) return showError(new Error('Choose a date and time to publish at.'));
          await run('mutation DeskSchedule($id: ID!, $at: DateTime!) { schedulePost(id: $id, publishAt: $at) { id } }', { at }, `Scheduled for ${when(at)}.`);
        });
        parts.push(schedule);
      }
      if (!may) parts.push(h('p', { class: 'hint' }, 'Contributors write drafts; an editor or author publishes them.'));
      parts.push(h('p', { class: 'preview-link', hidden: true }));
    }
    publishing.replaceChildren(...parts);
    badge.textContent = post ? post.status.toLowerCase() : 'new';
    badge.className = `badge ${post ? post.status.toLowerCase() : ''}`;
  }

  function action(label, mutation, done, { primary = false, danger = false, then = null } = {}) {
    return h('button', { type: 'button', class: primary ? 'primary' : danger ? 'danger' : null, onclick: () => run(mutation, {}, done, then) }, label);
  }

  /** Saves what is pending, then runs a post mutation and reloads the post. */
  async function run(mutation, variables, done, then = null) {
    try {
      if (!(await saveNow())) return;
      await gql(mutation, { id: post.id, ...variables });
      ctx.notify(done, 'success');
      if (then) return then();
      await reload();
    } catch (err) {
      showError(err);
    }
  }

  async function previewLink() {
    try {
      if (!(await saveNow())) return;
      const data = await gql('mutation DeskPreviewLink($id: ID!) { createPreviewLink(postId: $id) { url expiresAt } }', { id: post.id });
      const p = publishing.querySelector('.preview-link');
      p.replaceChildren('Preview link (until ', when(data.createPreviewLink.expiresAt), '): ', h('a', { href: data.createPreviewLink.url, target: '_blank', rel: 'noopener' }, data.createPreviewLink.url));
      p.hidden = false;
    } catch (err) {
      showError(err);
    }
  }

  async function reload() {
    const data = await gql(LOAD, { id: post.id });
    adopt(data.staffPost);
    showPublishing();
    showExtras();
  }

  /** Takes a post from the server as the saved state (and the form, where nothing is pending). */
  function adopt(fresh) {
    const pending = changes(saved, form);
    post = fresh;
    saved = inputOf(fresh);
    form = copy({ ...saved, ...pending });
    fillForm();
  }

  function fillForm() {
    if (title.value !== form.title) title.value = form.title;
    if (body.value !== form.markdown) body.value = form.markdown;
    featureAlt.value = form.featureImage.alt;
    featured.checked = form.featured;
    for (const input of node.querySelectorAll('[data-field]')) input.value = form[input.dataset.field] ?? '';
    for (const [key] of SEO_FIELDS) {
      const input = node.querySelector(`#seo-${key}`);
      input.value = form.seo[key];
      input.placeholder = derived(key);
    }
    showFeature();
    showChips();
    render();
  }

  // --- saving --------------------------------------------------------------------------------
  /** Drafts save themselves; a published or scheduled post changes for readers only on Save. */
  const autosaves = () => !post || post.status === 'DRAFT';

  function changed({ render: rerender = true } = {}) {
    const clean = same(saved, form);
    document.body.dataset.unsaved = String(!clean);
    statusLine.textContent = clean ? 'Saved' : autosaves() ? 'Unsaved changes' : 'Unsaved changes: Save (Ctrl/⌘+S) updates what readers see';
    if (rerender) scheduleRender();
    clearTimeout(timer);
    if (!conflict && autosaves()) timer = setTimeout(() => saveNow(), AUTOSAVE_MS);
  }

  /** Saves now if anything is pending; resolves true when nothing is left unsaved. */
  async function saveNow() {
    clearTimeout(timer);
    if (saving) await saving.catch(() => {});
    if (conflict) return false;
    if (post && same(saved, form)) return true;
    if (!post && !form.title.trim()) {
      statusLine.textContent = form.markdown ? 'Give the post a title to save it' : '';
      return !form.markdown;
    }
    saving = save();
    try {
      return await saving;
    } finally {
      saving = null;
    }
  }

  async function save() {
    const sending = copy(form);
    statusLine.textContent = 'Saving…';
    errorBox.hidden = true;
    try {
      if (!post) {
        const data = await gql(CREATE, { input: changes(null, sending) });
        post = data.createDraft;
        saved = inputOf(post);
        form = copy({ ...saved, ...changes(sending, form) });
        heading.textContent = 'Edit post';
        ctx.renamed(`#/posts/${post.id}`);
        showPublishing();
        showExtras();
      } else {
        const data = await gql(UPDATE, { id: post.id, expectedVersion: post.version, input: changes(saved, sending) });
        const result = data.updatePost;
        if (result.__typename === 'EditConflict') {
          await showConflict(result, copy(form)); // with what was typed meanwhile
          return false;
        }
        post = result.post;
        saved = inputOf(post);
        // what was typed while saving stays pending
        form = copy({ ...saved, ...changes(sending, form) });
      }
      const clean = same(saved, form);
      document.body.dataset.unsaved = String(!clean);
      statusLine.textContent = clean ? `Saved ${when(post.updatedAt)} (version ${post.version})` : 'Unsaved changes';
      if (!clean && autosaves()) timer = setTimeout(() => saveNow(), AUTOSAVE_MS);
      return clean;
    } catch (err) {
      statusLine.textContent = 'Not saved';
      showError(err);
      return false;
    }
  }

  function showError(err) {
    const fields = err.fields ? ` (${[].concat(err.fields).map((f) => (typeof f === 'string' ? f : f.field || f.path || JSON.stringify(f))).join(', ')})` : '';
    errorBox.textContent = `${err.message}${fields}`;
    errorBox.hidden = false;
  }

  // --- the conflict view ---------------------------------------------------------------------
  async function showConflict(result, mine) {
    clearTimeout(timer);
    const theirs = result.current;
    conflict = result;
    let lines = null;
    try {
      lines = (await gql(DIFF, { before: theirs.markdown || '', after: mine.markdown })).compareTexts.lines;
    } catch {
      lines = null; // shown without the diff; the union below falls back to both texts
    }
    const merged = h('textarea', { id: 'merged-markdown', class: 'merged' });
    merged.value = lines ? unionOf(lines) : `${theirs.markdown || ''}\n\n${mine.markdown}`;
    const mergedTitle = h('input', { id: 'merged-title', type: 'text', value: mine.title });
    const diff = lines
      ? h('ol', { class: 'diff', 'aria-label': 'Lines only in their version (−) and only in yours (+)' }, lines.map((l) => h('li', { class: l.kind.toLowerCase() }, l.text)))
      : h('p', { class: 'hint' }, 'The difference could not be computed; both texts are in the merge box.');
    const keep = (value) => () => {
      merged.value = value;
      merged.focus();
    };
    conflictBox.replaceChildren(
      h('h2', { id: 'conflict-title' }, 'Someone else saved this post while you were writing'),
      h('p', {}, `${result.message} Nothing has been lost: below are both, and a merge of the two that keeps every line of each. Edit it, then save.`),
      h('div', { class: 'conflict-sides' },
        h('section', { 'aria-labelledby': 'theirs-title' }, h('h3', { id: 'theirs-title' }, `Theirs: “${theirs.title}”`), h('pre', { class: 'theirs' }, theirs.markdown || '')),
        h('section', { 'aria-labelledby': 'mine-title' }, h('h3', { id: 'mine-title' }, `Mine: “${mine.title}”`), h('pre', { class: 'mine' }, mine.markdown))),
      h('h3', {}, 'What differs'),
      diff,
      h('div', { class: 'stack' }, h('label', { for: 'merged-title' }, 'Merged title'), mergedTitle, h('label', { for: 'merged-markdown' }, 'Merged text'), merged),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button',
          class: 'primary',
          onclick: async () => {
            // their version becomes the base; my other changes and the merge go on top of it
            const mineChanges = changes(saved, mine);
            conflict = null;
            post = theirs;
            saved = inputOf(theirs);
            form = copy({ ...saved, ...mineChanges, title: mergedTitle.value, markdown: merged.value });
            conflictBox.hidden = true;
            title.readOnly = false;
            body.readOnly = false;
            fillForm();
            if (await saveNow()) ctx.notify('Merged and saved.', 'success');
          },
        }, 'Save the merged version'),
        h('button', { type: 'button', onclick: keep(mine.markdown) }, 'Start from mine'),
        h('button', { type: 'button', onclick: keep(theirs.markdown || '') }, 'Start from theirs'),
      ),
    );
    conflictBox.hidden = false;
    // the merge box is where writing goes on until the conflict is settled
    title.readOnly = true;
    body.readOnly = true;
    statusLine.textContent = 'Not saved: edit conflict';
    conflictBox.scrollIntoView({ block: 'start' });
    merged.focus({ preventScroll: true });
  }

  // --- live preview --------------------------------------------------------------------------
  let renderTimer = null;
  let renderSeq = 0;
  const scheduleRender = () => {
    clearTimeout(renderTimer);
    renderTimer = setTimeout(render, PREVIEW_MS);
  };
  async function render() {
    const seq = ++renderSeq;
    const markdown = form.markdown;
    try {
      const data = await gql(PREVIEW, { markdown, hasFeatureImage: !!form.featureImage.url });
      if (seq !== renderSeq) return;
      const rendered = data.renderMarkdown;
      previewBody.innerHTML = rendered.html; // sanitized by the server, as the reader pages show it
      counts.textContent = `${plural(rendered.readingTime.words, 'word')} · ${rendered.readingTime.label}`;
    } catch (err) {
      if (seq === renderSeq) counts.textContent = `Preview unavailable: ${err.message}`;
    }
  }

  // --- revisions and related thinking --------------------------------------------------------
  function showExtras() {
    if (!post) {
      extra.replaceChildren();
      return;
    }
    extra.replaceChildren(revisionsPanel(), relatedPanel());
  }

  function revisionsPanel() {
    const list = h('ol', { class: 'revisions' });
    const diffBox = h('div', { class: 'revision-diff' });
    const panel = h('details', { class: 'panel', id: 'revisions' }, h('summary', {}, 'Revisions'), list, diffBox);
    panel.addEventListener('toggle', async () => {
      if (!panel.open) return;
      try {
        const data = await gql('query DeskRevisions($id: ID!) { staffPost(id: $id) { revisions { id version createdAt savedBy title markdown } } }', { id: post.id });
        const revisions = data.staffPost.revisions || [];
        list.replaceChildren(
          ...(revisions.length === 0
            ? [h('li', {}, 'No revisions yet.')]
            : revisions.map((r) =>
                h(
                  'li',
                  {},
                  `Version ${r.version} · ${when(r.createdAt)} · ${r.savedBy} — “${r.title}” `,
                  h('button', { type: 'button', onclick: () => compare(r) }, 'Compare with now'),
                  ' ',
                  h('button', {
                    type: 'button',
                    onclick: async () => {
                      if (!(await saveNow())) return;
                      try {
                        const restored = await gql(`mutation DeskRestoreRevision($id: ID!, $rev: ID!) { restoreRevision(postId: $id, revisionId: $rev) { ${POST_FIELDS} } }`, { id: post.id, rev: r.id });
                        adopt(restored.restoreRevision);
                        showPublishing();
                        ctx.notify(`Version ${r.version} restored (saved as version ${post.version}).`, 'success');
                        panel.open = false;
                      } catch (err) {
                        showError(err);
                      }
                    },
                  }, 'Restore'),
                ),
              )),
        );
      } catch (err) {
        list.replaceChildren(h('li', { class: 'form-error' }, err.message));
      }
    });
    async function compare(revision) {
      try {
        const { compareTexts: d } = await gql(DIFF, { before: revision.markdown, after: form.markdown });
        diffBox.replaceChildren(
          h('h3', {}, `Version ${revision.version} → now: ${plural(d.added, 'line')} added, ${plural(d.removed, 'line')} removed`),
          h('ol', { class: 'diff' }, d.lines.map((l) => h('li', { class: l.kind.toLowerCase() }, l.text))),
        );
      } catch (err) {
        diffBox.replaceChildren(h('p', { class: 'form-error' }, err.message));
      }
    }
    return panel;
  }

  function relatedPanel() {
    const content = h('div', {});
    const panel = h('details', { class: 'panel', id: 'related' }, h('summary', {}, 'Related thinking'), content);
    const editor = atLeast('EDITOR');
    const load = async () => {
      if (post.status !== 'PUBLISHED') {
        content.replaceChildren(h('p', { class: 'hint' }, 'Related thinking is computed for published posts.'));
        return;
      }
      try {
        const data = await gql(
          `query DeskRelated($id: ID!) { staffPost(id: $id) { related(first: 5) { score reasons post { id title slug } } ${editor ? 'relatedOverrides { kind post { id title } }' : ''} } }`,
          { id: post.id },
        );
        const { related, relatedOverrides } = data.staffPost;
        const override = (mutation, other, done) => async () => {
          try {
            await gql(`mutation DeskRelatedOverride($id: ID!, $other: ID!) { ${mutation}(postId: $id, relatedPostId: $other) { id } }`, { id: post.id, other });
            ctx.notify(done, 'success');
            load();
          } catch (err) {
            showError(err);
          }
        };
        content.replaceChildren(
          related.length === 0 ? h('p', {}, 'Nothing related yet.') : h(
            'ol',
            { class: 'related-list' },
            related.map((r) =>
              h(
                'li',
                {},
                h('a', { href: `#/posts/${r.post.id}` }, r.post.title),
                ` — ${r.reasons.map((x) => x.toLowerCase().replaceAll('_', ' ')).join(', ')} (${r.score.toFixed(2)}) `,
                editor ? h('button', { type: 'button', onclick: override('pinRelatedPost', r.post.id, `“${r.post.title}” pinned.`) }, 'Pin') : null,
                ' ',
                editor ? h('button', { type: 'button', onclick: override('excludeRelatedPost', r.post.id, `“${r.post.title}” excluded.`) }, 'Exclude') : null,
              ),
            ),
          ),
          editor && relatedOverrides && relatedOverrides.length > 0
            ? h(
                'div',
                {},
                h('h3', {}, 'Pinned and excluded'),
                h('ul', { class: 'related-overrides' }, relatedOverrides.map((o) =>
                  h('li', {}, `${o.kind === 'PINNED' ? 'Pinned' : 'Excluded'}: ${o.post.title} `, h('button', { type: 'button', onclick: override('resetRelatedPost', o.post.id, `“${o.post.title}” is ranked again.`) }, 'Reset')))),
              )
            : null,
          editor ? null : h('p', { class: 'hint' }, 'Editors pin and exclude related posts.'),
        );
      } catch (err) {
        content.replaceChildren(h('p', { class: 'form-error' }, err.message));
      }
    };
    panel.addEventListener('toggle', () => panel.open && load());
    return panel;
  }

  // --- layout --------------------------------------------------------------------------------
  const bodyTools = h('div', { class: 'actions' }, h('label', { for: 'body-image', class: 'button' }, 'Insert image'), bodyImage, h('span', { class: 'hint' }, 'or drop or paste one into the text. Ctrl/⌘+S saves.'));
  const write = h(
    'div',
    { class: 'stack write' },
    h('label', { for: 'post-title' }, 'Title'),
    title,
    h('label', { for: 'post-markdown' }, 'Text (Markdown)'),
    body,
    bodyTools,
  );
  const settings = h(
    'details',
    { class: 'panel', id: 'post-settings', open: true },
    h('summary', {}, 'Post settings'),
    h(
      'div',
      { class: 'stack' },
      ...text('post-subtitle', 'Subtitle', 'subtitle', { 'data-field': 'subtitle' }),
      ...text('post-slug', 'Slug (the address: /p/…)', 'slug', { 'data-field': 'slug', placeholder: 'made from the title' }),
      ...text('post-excerpt', 'Excerpt', 'customExcerpt', { 'data-field': 'customExcerpt', placeholder: 'the first lines of the text' }),
      h('label', { for: 'tag-add' }, 'Tags (the first is the category; Enter adds)'),
      tagList,
      tagInput,
      tagData,
      h('label', { for: 'author-add' }, 'Authors (the first is the primary author)'),
      authorList,
      authorSelect,
      h('label', { class: 'checkbox', for: 'post-featured' }, featured, 'Featured post'),
      featureDrop,
      featureShown,
      h('label', { for: 'feature-alt' }, 'Feature image alt text'),
      featureAlt,
    ),
  );
  const seo = h('details', { class: 'panel', id: 'post-seo' }, h('summary', {}, 'SEO and social'), h('div', { class: 'stack' }, ...seoInputs.flat()), h('p', { class: 'hint' }, 'Left empty, each is derived from the title, the excerpt and the feature image.'));

  const node = h(
    'div',
    { class: 'editor-page' },
    h('div', { class: 'editor-status' }, heading, badge, statusLine, counts, h('button', { type: 'button', class: 'primary', onclick: () => saveNow() }, 'Save')),
    errorBox,
    conflictBox,
    h('div', { class: 'editor' }, h('div', { class: 'side' }, write, preview), h('div', { class: 'side' }, publishing, settings, seo, extra)),
  );
  node.dataset.title = post ? `Edit “${post.title}”` : 'New post';

  node.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveNow();
    }
  });
  ctx.beforeLeave(async () => {
    if (await saveNow()) {
      document.body.dataset.unsaved = 'false';
      return true;
    }
    return window.confirm('This post has changes that are not saved. Leave anyway?');
  });

  preview.querySelector('.preview-title').textContent = form.title;
  showFeature();
  showChips();
  showPublishing();
  showExtras();
  render();
  statusLine.textContent = post ? `Saved ${when(post.updatedAt)} (version ${post.version})` : '';
  return node;
}

/** Makes an element take dropped image files. */
function dropTarget(el, onFile) {
  el.addEventListener('dragover', (event) => {
    if ([...event.dataTransfer.items].some((i) => i.kind === 'file')) {
      event.preventDefault();
      el.classList.add('dragging');
    }
  });
  el.addEventListener('dragleave', () => el.classList.remove('dragging'));
  el.addEventListener('drop', (event) => {
    el.classList.remove('dragging');
    const file = [...event.dataTransfer.files].find((f) => f.type.startsWith('image/'));
    if (file) {
      event.preventDefault();
      onFile(file);
    }
  });
}

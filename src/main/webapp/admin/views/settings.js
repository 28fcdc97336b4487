// Blog settings (administrators): title, description, locale, logo, icon, cover image, accent
// colour and the two menus (blog / updateBlogSettings). Every field is sent on save; "" clears an
// image, the description or the colour, and an empty menu is [].

import { h } from '/app/dom.js';
import { gql } from '../api.js';
import { when } from '../format.js';
import { page, field, formError, onSubmit, imageField, confirmDialog } from './kit.js';

const FIELDS = 'title description url locale logo icon coverImage accentColor navigation { label url } secondaryNavigation { label url } updatedAt';
const READ = `query DeskBlog { blog { ${FIELDS} } }`;
const UPDATE = `mutation DeskUpdateBlog($input: BlogSettingsInput!) { updateBlogSettings(input: $input) { ${FIELDS} } }`;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

export async function settingsView(ctx) {
  const { blog } = await gql(READ);

  const title = h('input', { type: 'text', required: true, maxlength: 150, value: blog.title });
  const description = h('textarea', { rows: 3, maxlength: 500 }, blog.description || '');
  const locale = h('input', { type: 'text', required: true, maxlength: 35, spellcheck: 'false', autocomplete: 'off', value: blog.locale });
  const logo = imageField('blog-logo', 'Logo', blog.logo, { hint: 'An address on this site (an upload) or an http(s) URL. Empty: none.', upload: 'Upload a logo', alt: 'The logo' });
  const icon = imageField('blog-icon', 'Icon', blog.icon, { hint: 'The favicon: a square image.', upload: 'Upload an icon', alt: 'The icon' });
  const cover = imageField('blog-cover', 'Cover image', blog.coverImage, { hint: 'A wide image for the home page’s header.', upload: 'Upload a cover image', alt: 'The cover image' });

  const colour = h('input', { type: 'text', maxlength: 7, spellcheck: 'false', autocomplete: 'off', placeholder: '#1d4ed8', pattern: '#[0-9a-fA-F]{6}', value: blog.accentColor || '' });
  const picker = h('input', { type: 'color', class: 'colour-picker', value: blog.accentColor || '#1d4ed8' });
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  const showSwatch = () => {
    const ok = COLOUR.test(colour.value.trim());
    swatch.hidden = !ok;
    if (ok) swatch.style.backgroundColor = colour.value.trim(); // a CSSOM property, not a style attribute: allowed by the CSP
  };
  picker.addEventListener('input', () => {
    colour.value = picker.value;
    showSwatch();
  });
  colour.addEventListener('input', () => {
    if (COLOUR.test(colour.value.trim())) picker.value = colour.value.trim().toLowerCase();
    showSwatch();
  });
  showSwatch();

  const main = menuEditor('nav-main', 'Main menu', blog.navigation);
  const secondary = menuEditor('nav-secondary', 'Secondary menu', blog.secondaryNavigation);

  const updated = h('p', { class: 'hint', role: 'status' }, updatedText(blog));
  const error = formError();
  const form = h(
    'form',
    { class: 'stack settings-form' },
    h(
      'section',
      { class: 'panel stack', 'aria-labelledby': 'settings-general' },
      h('h2', { id: 'settings-general' }, 'General'),
      ...field('blog-title', 'Title', title, 'The blog’s name, 1 to 150 characters.'),
      ...field('blog-description', 'Description', description, 'What the blog is about, in a sentence or two.'),
      ...field('blog-locale', 'Language', locale, 'A language tag: en, en-GB, pt-BR.'),
      h('p', { class: 'hint' }, 'Address: ', h('code', {}, blog.url), ' (set in the server’s configuration).'),
    ),
    h(
      'section',
      { class: 'panel stack', 'aria-labelledby': 'settings-look' },
      h('h2', { id: 'settings-look' }, 'Look'),
      logo.nodes,
      icon.nodes,
      cover.nodes,
      ...field('blog-accent', 'Accent colour', colour, 'As #rrggbb; empty for the theme’s own.'),
      h('div', { class: 'colour-row' }, h('label', { for: 'blog-accent-picker' }, 'Pick a colour'), Object.assign(picker, { id: 'blog-accent-picker' }), swatch),
    ),
    h('section', { class: 'panel stack', 'aria-labelledby': 'nav-main-title' }, main.nodes),
    h('section', { class: 'panel stack', 'aria-labelledby': 'nav-secondary-title' }, secondary.nodes),
    h('div', { class: 'panel save-bar' }, error, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')), updated),
  );
  onSubmit(form, error, async () => {
    await Promise.all([logo.settled(), icon.settled(), cover.settled()]);
    const { updateBlogSettings: saved } = await gql(UPDATE, {
      input: {
        title: title.value.trim(),
        description: description.value.trim(),
        locale: locale.value.trim(),
        logo: logo.input.value.trim(),
        icon: icon.input.value.trim(),
        coverImage: cover.input.value.trim(),
        accentColor: colour.value.trim(),
        navigation: main.items(),
        secondaryNavigation: secondary.items(),
      },
    });
    title.value = saved.title;
    locale.value = saved.locale;
    updated.textContent = updatedText(saved);
    unsaved(false);
    ctx.notify('The blog’s settings are saved: readers see them now.', 'success');
  });

  // leaving with unsaved changes asks first (the desk's hook; a reload or closing the tab, the browser's)
  let dirty = false;
  const unsaved = (value) => {
    dirty = value;
    document.body.dataset.unsaved = String(value);
  };
  form.addEventListener('input', () => unsaved(true));
  form.addEventListener('click', (event) => {
    if (event.target.closest('[data-action]')) unsaved(true); // menu rows added, moved, removed
  });
  ctx.beforeLeave(async () => {
    if (!dirty) return true;
    const leave = await confirmDialog({
      title: 'Leave without saving?',
      message: 'The changes to the settings are not saved yet.',
      confirm: 'Leave without saving',
      action: async () => true,
    });
    if (leave) unsaved(false);
    return leave === true;
  });

  return page('Settings', form);
}

const updatedText = (blog) => (blog.updatedAt ? `Last changed ${when(blog.updatedAt)}.` : 'Never changed: these are the server’s defaults.');

let rowIds = 0;

/**
 * A menu as editable rows (label, URL) with add, remove and move up/down: { nodes, items() }.
 * items() is the menu to send, rows left wholly empty dropped.
 */
function menuEditor(id, title, entries) {
  const list = h('ol', { class: 'menu-rows', id: `${id}-rows` });
  const empty = h('p', { class: 'hint' }, 'No entries: this menu is not shown.');

  function refresh() {
    const rows = [...list.children];
    empty.hidden = rows.length > 0;
    rows.forEach((li, i) => {
      li.querySelector('[data-action="up"]').disabled = i === 0;
      li.querySelector('[data-action="down"]').disabled = i === rows.length - 1;
    });
  }

  function addRow(entry = { label: '', url: '' }, focus = false) {
    const n = ++rowIds;
    const label = h('input', { type: 'text', id: `${id}-label-${n}`, 'data-field': 'label', maxlength: 100, autocomplete: 'off', value: entry.label });
    const url = h('input', { type: 'text', id: `${id}-url-${n}`, 'data-field': 'url', inputmode: 'url', spellcheck: 'false', autocomplete: 'off', placeholder: '/tag/space or https://…', value: entry.url });
    const name = () => label.value.trim() || 'this entry';
    const up = h('button', { type: 'button', 'data-action': 'up' }, 'Up');
    const down = h('button', { type: 'button', 'data-action': 'down' }, 'Down');
    const remove = h('button', { type: 'button', class: 'danger', 'data-action': 'remove' }, 'Remove');
    const li = h(
      'li',
      { class: 'menu-row' },
      h('div', { class: 'menu-field' }, h('label', { for: label.id }, 'Label'), label),
      h('div', { class: 'menu-field' }, h('label', { for: url.id }, 'URL'), url),
      h('div', { class: 'menu-buttons' }, up, down, remove),
    );
    const names = () => {
      up.setAttribute('aria-label', `Move ${name()} up`);
      down.setAttribute('aria-label', `Move ${name()} down`);
      remove.setAttribute('aria-label', `Remove ${name()}`);
    };
    label.addEventListener('input', names);
    names();
    up.addEventListener('click', () => {
      if (li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      refresh();
      (up.disabled ? down : up).focus();
    });
    down.addEventListener('click', () => {
      if (li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      refresh();
      (down.disabled ? up : down).focus();
    });
    remove.addEventListener('click', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      refresh();
      (next ? next.querySelector('input') : add).focus();
    });
    list.append(li);
    refresh();
    if (focus) label.focus();
  }

  const add = h('button', { type: 'button', 'data-action': 'add', 'aria-label': `Add an entry to the ${title.toLowerCase()}` }, 'Add an entry');
  add.addEventListener('click', () => addRow(undefined, true));
  entries.forEach((entry) => addRow(entry));

  const nodes = [
    h('h2', { id: `${id}-title` }, title),
    h('p', { class: 'hint' }, 'Each entry leads to an http(s) or mailto: URL, a path on this site (/tag/space) or an #anchor. The reader pages show them in this order.'),
    list,
    empty,
    h('div', { class: 'actions' }, add),
  ];
  const items = () =>
    [...list.children]
      .map((li) => ({ label: li.querySelector('[data-field="label"]').value.trim(), url: li.querySelector('[data-field="url"]').value.trim() }))
      .filter((item) => item.label || item.url);
  return { nodes, items };
}

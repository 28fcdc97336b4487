// The writing desk: a single page app at /admin/ whose every action is a call to Jotter's public
// GraphQL API (or POST /images). Routes live in the URL's hash (#/posts, #/posts/12, …), as in
// Ghost's admin, so the server serves one static page and deep links survive a reload.

import { h } from '/app/dom.js';
import { session, atLeast } from './session.js';

/** [pattern, loader, needed role]: the first whose pattern matches the route's path renders it. */
const ROUTES = [
  [/^\/signin$/, () => import('./views/signin.js').then((m) => m.signInView), null],
  [/^\/setup$/, () => import('./views/signin.js').then((m) => m.setupView), null],
  [/^\/posts$/, () => import('./views/posts.js').then((m) => m.postsView), 'CONTRIBUTOR'],
  [/^\/posts\/new$/, () => import('./views/editor.js').then((m) => m.editorView), 'CONTRIBUTOR'],
  [/^\/posts\/(\d+)$/, () => import('./views/editor.js').then((m) => m.editorView), 'CONTRIBUTOR'],
  [/^\/profile$/, () => import('./views/profile.js').then((m) => m.profileView), 'CONTRIBUTOR'],
  [/^\/tags$/, () => import('./views/tags.js').then((m) => m.tagsView), 'EDITOR'],
  [/^\/staff$/, () => import('./views/staff.js').then((m) => m.staffView), 'EDITOR'],
  [/^\/settings$/, () => import('./views/settings.js').then((m) => m.settingsView), 'ADMINISTRATOR'],
  [/^\/webhooks$/, () => import('./views/webhooks.js').then((m) => m.webhooksView), 'ADMINISTRATOR'],
  [/^\/webhooks\/(\d+)$/, () => import('./views/webhooks.js').then((m) => m.webhookView), 'ADMINISTRATOR'],
  [/^\/transfer$/, () => import('./views/transfer.js').then((m) => m.transferView), 'ADMINISTRATOR'],
];

/** The navigation: [hash, label, needed role]. */
const NAV = [
  ['#/posts', 'Posts', 'CONTRIBUTOR'],
  ['#/posts/new', 'New post', 'CONTRIBUTOR'],
  ['#/tags', 'Tags', 'EDITOR'],
  ['#/staff', 'Staff', 'EDITOR'],
  ['#/settings', 'Settings', 'ADMINISTRATOR'],
  ['#/webhooks', 'Webhooks', 'ADMINISTRATOR'],
  ['#/transfer', 'Import and export', 'ADMINISTRATOR'],
];

const main = document.getElementById('main');
const notice = document.getElementById('notice');
let leaving = null; // the current view's "before you go" hook
let rendered = 0;

/** Shows a short message under the header: kind is 'info', 'success' or 'error'. */
export function notify(message, kind = 'info') {
  notice.replaceChildren(h('p', { class: `notice-${kind}` }, message));
  notice.dataset.kind = kind;
  clearTimeout(notify.timer);
  if (kind !== 'error') notify.timer = setTimeout(() => notice.replaceChildren(), 6000);
}

/** Goes to a route of the desk (a hash such as '#/posts/12'). */
export function navigate(hash, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, '', hash);
    render();
  } else if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function route() {
  const raw = location.hash.replace(/^#/, '') || '/posts';
  const [path, search = ''] = raw.split('?');
  return { path, query: new URLSearchParams(search) };
}

function showNav() {
  const user = session.user();
  const nav = document.querySelector('.desk-nav');
  const who = document.getElementById('desk-user');
  nav.hidden = !user;
  who.hidden = !user;
  if (!user) return;
  const { path } = route();
  document.getElementById('desk-nav-list').replaceChildren(
    ...NAV.filter(([, , role]) => atLeast(role)).map(([href, label]) =>
      h('li', {}, h('a', { href, 'aria-current': path === href.slice(1) ? 'page' : null }, label)),
    ),
  );
  who.replaceChildren(
    h('a', { href: '#/profile', class: 'who', title: `${user.email} (${user.role.toLowerCase()})` }, user.name),
    h('a', { href: '/', class: 'view-blog' }, 'View blog'),
    h('button', { type: 'button', class: 'link', 'data-action': 'sign-out', onclick: signOut }, 'Sign out'),
  );
}

async function signOut() {
  if (leaving && !(await leaving())) return;
  session.signOut();
  navigate('#/signin');
}

async function render() {
  const mine = ++rendered;
  const { path, query } = route();
  let found = ROUTES.find(([pattern]) => pattern.test(path));
  if (!found) found = ROUTES.find(([pattern]) => pattern.test('/posts'));
  const [pattern, load, role] = found;
  if (role && !session.user()) {
    sessionStorage.setItem('jotter.desk.after', location.hash || '#/posts');
    navigate('#/signin', { replace: true });
    return;
  }
  showNav();
  main.setAttribute('aria-busy', 'true');
  if (role && !atLeast(role)) {
    show(h('section', { class: 'panel' }, h('h1', { tabindex: '-1' }, 'Not for your role'), h('p', {}, role === 'ADMINISTRATOR' ? 'This part of the desk is for administrators.' : 'This part of the desk is for editors and administrators.')), 'Not for your role');
    return;
  }
  try {
    const view = await load();
    const ctx = {
      params: pattern.exec(path).slice(1),
      query,
      user: session.user(),
      navigate,
      notify,
      /** A view that holds unsaved work registers a hook: resolves false to stay. */
      beforeLeave(fn) {
        leaving = fn;
      },
      /** Whether this render is still the current one (a later navigation replaces it). */
      current: () => mine === rendered,
      /** The address of what is shown changed without a new view (a new draft got its id). */
      renamed(hash) {
        history.replaceState(null, '', hash);
        showNav();
      },
    };
    leaving = null;
    const node = await view(ctx);
    if (mine !== rendered) return;
    show(node, node.dataset.title || 'Writing desk');
  } catch (err) {
    if (mine !== rendered) return;
    show(h('section', { class: 'panel' }, h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', { role: 'alert' }, err.message)), 'Error');
  }
}

function show(node, title) {
  main.replaceChildren(node);
  main.setAttribute('aria-busy', 'false');
  document.title = `${title} — Jotter writing desk`;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

// Leaving a view with unsaved work: the view saves first (or the person stays).
let restoring = false;
window.addEventListener('hashchange', async (event) => {
  if (restoring) {
    restoring = false;
    return;
  }
  if (leaving) {
    const ok = await leaving();
    if (!ok) {
      restoring = true;
      history.replaceState(null, '', new URL(event.oldURL).hash);
      restoring = false;
      return;
    }
  }
  render();
});

window.addEventListener('beforeunload', (event) => {
  if (document.body.dataset.unsaved === 'true') {
    event.preventDefault();
    event.returnValue = '';
  }
});

session.onChange(showNav);
render();

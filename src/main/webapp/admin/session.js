// The signed-in session. The token lives in sessionStorage: it survives a reload of the tab but
// not the tab itself, is never sent by the browser on its own (no cookie, so no CSRF), and no
// other site can read it; the strict Content-Security-Policy (scripts from this origin only) and
// text set as text keep injected scripts out. When it expires, signInAgain() asks for the password
// in a dialog over the page, so nothing being written is lost.

import { h } from '/app/dom.js';
import { call } from './api.js';

const KEY = 'jotter.desk.session';

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return saved && typeof saved.token === 'string' ? saved : null;
  } catch {
    return null;
  }
}

let current = load();
let pending = null;
// read again at every use: what is stored is the truth (a test or another script may replace it)
const fresh = () => (current = load());
const listeners = new Set();

export const session = {
  /** The bearer token, or null when signed out. */
  token: () => (fresh() ? current.token : null),

  /** { token, expiresAt, email, role, name, id, authorSlug } of the signed-in user, or null. */
  user: () => fresh(),

  /** Keeps a new sign-in (an AuthPayload plus who it is). */
  keep(payload) {
    current = payload;
    sessionStorage.setItem(KEY, JSON.stringify(payload));
    listeners.forEach((fn) => fn(current));
  },

  signOut() {
    current = null;
    sessionStorage.removeItem(KEY);
    listeners.forEach((fn) => fn(null));
  },

  onChange(fn) {
    listeners.add(fn);
  },

  /**
   * Asks for the password again (the token expired or was refused) and resolves once signed in;
   * rejects when the person chooses to sign out instead. Several calls share one dialog.
   */
  signInAgain() {
    if (!pending) {
      pending = askPassword().finally(() => {
        pending = null;
      });
    }
    return pending;
  },
};

/** Role order: each may do all that the ones before it may. */
const ROLES = ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMINISTRATOR'];

/** Whether the signed-in user's role is at least `role`. */
export function atLeast(role) {
  const user = fresh();
  return !!user && ROLES.indexOf(user.role) >= ROLES.indexOf(role);
}

const ME = 'query DeskMe { me { id email role author { name slug } } }';

/** Signs in with email and password; keeps and returns the session. */
export async function signIn(email, password) {
  const data = await call(
    'mutation DeskLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }',
    { email, password },
    null,
  );
  return keepSignIn(data.login);
}

/** Claims a fresh blog: creates the first administrator and signs them in. */
export async function claim(email, name, password) {
  const data = await call(
    'mutation DeskSetup($email: String!, $name: String!, $password: String!) { setup(email: $email, name: $name, password: $password) { token expiresAt } }',
    { email, name, password },
    null,
  );
  return keepSignIn(data.setup);
}

async function keepSignIn(auth) {
  const { me } = await call(ME, {}, auth.token);
  session.keep({
    token: auth.token,
    expiresAt: auth.expiresAt,
    id: me.id,
    email: me.email,
    role: me.role,
    name: me.author.name,
    authorSlug: me.author.slug,
  });
  return session.user();
}

function askPassword() {
  const user = current;
  return new Promise((resolve, reject) => {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const email = h('input', { id: 'again-email', type: 'email', name: 'email', autocomplete: 'username', required: true, value: user ? user.email : '' });
    const password = h('input', { id: 'again-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const form = h(
      'form',
      { class: 'stack', method: 'dialog' },
      h('h2', { id: 'again-title' }, 'Sign in again'),
      h('p', {}, 'Your session has ended. Sign in to go on — what you are writing stays on this page and is saved afterwards.'),
      h('label', { for: 'again-email' }, 'Email'),
      email,
      h('label', { for: 'again-password' }, 'Password'),
      password,
      error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in'), h('button', { type: 'button', 'data-action': 'sign-out' }, 'Sign out')),
    );
    const dialog = h('dialog', { class: 'sign-in-again', 'aria-labelledby': 'again-title' }, form);
    document.body.append(dialog);
    dialog.addEventListener('cancel', (event) => event.preventDefault()); // Escape does not drop the session silently
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      try {
        await signIn(email.value.trim(), password.value);
        dialog.close();
        dialog.remove();
        resolve();
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
        password.focus();
      }
    });
    form.querySelector('[data-action="sign-out"]').addEventListener('click', () => {
      dialog.close();
      dialog.remove();
      session.signOut();
      reject(new Error('Signed out.'));
    });
    dialog.showModal();
    (user ? password : email).focus();
  });
}

// Signing in, and claiming a fresh blog (mutation setup: the first administrator).

import { h } from '/app/dom.js';
import { session, signIn, claim } from '../session.js';

function field(id, label, attrs) {
  return [h('label', { for: id }, label), h('input', { id, name: id, ...attrs })];
}

function afterSignIn(ctx) {
  const next = sessionStorage.getItem('jotter.desk.after');
  sessionStorage.removeItem('jotter.desk.after');
  ctx.navigate(next && !next.startsWith('#/signin') && !next.startsWith('#/setup') ? next : '#/posts');
}

function form(ctx, { title, intro, fields, submit, action, footer }) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, submit);
  const el = h('form', { class: 'stack', novalidate: true }, ...fields, error, h('div', { class: 'actions' }, button));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!el.reportValidity()) return;
    error.hidden = true;
    button.disabled = true;
    try {
      await action(new FormData(el));
      afterSignIn(ctx);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  const node = h('section', { class: 'panel narrow' }, h('h1', {}, title), h('p', {}, intro), el, footer);
  node.dataset.title = title;
  return node;
}

export async function signInView(ctx) {
  if (session.user()) session.signOut();
  return form(ctx, {
    title: 'Sign in',
    intro: 'Sign in to write, publish and run the blog.',
    fields: [
      ...field('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
      ...field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    ],
    submit: 'Sign in',
    action: (data) => signIn(String(data.get('email')).trim(), String(data.get('password'))),
    footer: h('p', { class: 'muted' }, 'A new blog with nobody on its staff yet? ', h('a', { href: '#/setup' }, 'Claim it'), '.'),
  });
}

export async function setupView(ctx) {
  return form(ctx, {
    title: 'Claim this blog',
    intro: 'The first person to claim a new blog becomes its administrator (on the demo blog, they take over the author astro). Once anyone is on the staff, this is refused: sign in instead.',
    fields: [
      ...field('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
      ...field('name', 'Your name, as readers see it', { type: 'text', autocomplete: 'name', required: true, maxlength: 100 }),
      ...field('password', 'Password (at least 10 characters)', { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    ],
    submit: 'Claim the blog',
    action: (data) => claim(String(data.get('email')).trim(), String(data.get('name')).trim(), String(data.get('password'))),
    footer: h('p', { class: 'muted' }, 'Already on the staff? ', h('a', { href: '#/signin' }, 'Sign in'), '.'),
  });
}

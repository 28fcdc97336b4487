// Your profile: the author card readers see on your posts (updateMyProfile; the avatar may be
// uploaded) and your password (changeMyPassword), each in a form of its own.

import { h, authorHref } from '/app/dom.js';
import { gql } from '../api.js';
import { session } from '../session.js';
import { page, field, formError, onSubmit, imageField } from './kit.js';

const ME = `query DeskProfile { me { id email role author { id name slug bio avatarUrl website location } } }`;

const UPDATE = `mutation DeskUpdateProfile($input: ProfileInput!) {
  updateMyProfile(input: $input) { id name slug bio avatarUrl website location }
}`;

const PASSWORD = `mutation DeskChangePassword($current: String!, $next: String!) {
  changeMyPassword(currentPassword: $current, newPassword: $next)
}`;

export async function profileView(ctx) {
  const { me } = await gql(ME);
  return page('Your profile', cardForm(ctx, me), passwordForm(ctx, me));
}

function cardForm(ctx, me) {
  const author = me.author;
  const name = h('input', { type: 'text', autocomplete: 'name', required: true, maxlength: 100, value: author.name });
  const bio = h('textarea', { rows: 3, maxlength: 500 }, author.bio || '');
  const avatar = imageField('profile-avatar', 'Avatar URL', author.avatarUrl, {
    hint: 'An address on this site (an upload) or an https URL. Leave empty for none.',
    upload: 'Upload an avatar',
    alt: 'Your avatar',
  });
  const website = h('input', { type: 'url', autocomplete: 'url', placeholder: 'https://', value: author.website || '' });
  const location = h('input', { type: 'text', autocomplete: 'off', maxlength: 100, value: author.location || '' });
  const publicLink = h('a', { href: authorHref(author.slug) }, `/author/${author.slug}`);
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'profile-card-title' },
    ...field('profile-name', 'Name', name, 'As readers see it on your posts.'),
    ...field('profile-bio', 'Bio', bio, 'One line about you.'),
    avatar.nodes,
    ...field('profile-website', 'Website', website),
    ...field('profile-location', 'Location', location),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save profile')),
  );
  onSubmit(form, error, async () => {
    await avatar.settled();
    const { updateMyProfile: saved } = await gql(UPDATE, {
      input: {
        name: name.value.trim(),
        bio: bio.value.trim(),
        avatarUrl: avatar.input.value.trim(),
        website: website.value.trim(),
        location: location.value.trim(),
      },
    });
    name.value = saved.name;
    bio.value = saved.bio || '';
    avatar.input.value = saved.avatarUrl || '';
    website.value = saved.website || '';
    location.value = saved.location || '';
    const user = session.user();
    if (user && user.name !== saved.name) session.keep({ ...user, name: saved.name, authorSlug: saved.slug });
    ctx.notify('Your profile is saved.', 'success');
  });
  return h(
    'section',
    { class: 'panel' },
    h('h2', { id: 'profile-card-title' }, 'Author card'),
    h('p', { class: 'hint' }, `Signed in as ${me.email} (${me.role.toLowerCase()}). Readers see this card on your posts and at `, publicLink, '.'),
    form,
  );
}

function passwordForm(ctx, me) {
  const current = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const again = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const same = () => again.setCustomValidity(again.value && again.value !== next.value ? 'The two new passwords differ.' : '');
  next.addEventListener('input', same);
  again.addEventListener('input', same);
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'profile-password-title' },
    // for password managers: whose password this is
    h('input', { type: 'email', name: 'username', autocomplete: 'username', value: me.email, hidden: true, readonly: true, tabindex: '-1', 'aria-hidden': 'true' }),
    ...field('password-current', 'Current password', current),
    ...field('password-new', 'New password', next, 'At least 10 characters.'),
    ...field('password-again', 'New password again', again),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
  );
  onSubmit(form, error, async () => {
    same();
    if (!form.reportValidity()) return;
    await gql(PASSWORD, { current: current.value, next: next.value });
    form.reset();
    ctx.notify('Your password is changed. Sessions signed in before stay signed in until they expire.', 'success');
  });
  return h('section', { class: 'panel' }, h('h2', { id: 'profile-password-title' }, 'Password'), form);
}

// Staff (editors and administrators): who may sign in, with which role (staffUsers); add a staff
// user with a first password (createStaff), change a role (changeRole), suspend (suspendStaff) and
// reactivate (reactivateStaff). Editors manage authors and contributors only; administrators
// anyone. The server decides in the end: this page only offers what the role may do.

import { h, frag, authorHref } from '/app/dom.js';
import { gql } from '../api.js';
import { atLeast } from '../session.js';
import { when, plural } from '../format.js';
import { page, field, formError, onSubmit, confirmDialog, srLabel, showError } from './kit.js';

const PAGE = 50;
const ROLES = [
  ['CONTRIBUTOR', 'Contributor', 'writes and edits their own drafts'],
  ['AUTHOR', 'Author', 'also publishes their own posts'],
  ['EDITOR', 'Editor', 'edits and publishes every post, manages tags, authors and contributors'],
  ['ADMINISTRATOR', 'Administrator', 'everything, including staff and settings'],
];
const roleName = (role) => (ROLES.find(([r]) => r === role) || [role, role])[1];

const FIELDS = 'id email role status lastLoginAt createdAt author { name slug }';
const LIST = `query DeskStaff($first: Int!, $after: String) { staffUsers(first: $first, after: $after) { ${FIELDS} } }`;
const CREATE = `mutation DeskCreateStaff($input: StaffInput!) { createStaff(input: $input) { ${FIELDS} } }`;
const CHANGE_ROLE = `mutation DeskChangeRole($id: ID!, $role: Role!) { changeRole(id: $id, role: $role) { ${FIELDS} } }`;
const SUSPEND = `mutation DeskSuspend($id: ID!) { suspendStaff(id: $id) { ${FIELDS} } }`;
const REACTIVATE = `mutation DeskReactivate($id: ID!) { reactivateStaff(id: $id) { ${FIELDS} } }`;

export async function staffView(ctx) {
  const admin = atLeast('ADMINISTRATOR');
  /** The roles this user may give: administrators any, editors authors and contributors. */
  const grantable = admin ? ROLES : ROLES.filter(([r]) => r === 'CONTRIBUTOR' || r === 'AUTHOR');
  const mayManage = (user) => user.id !== ctx.user.id && grantable.some(([r]) => r === user.role);

  const list = h('div', { class: 'staff-list' });
  const summary = h('p', { class: 'muted', role: 'status' });
  let users = [];
  let more = false;

  async function load(next = false) {
    const after = next && users.length ? users[users.length - 1].email : null;
    const { staffUsers } = await gql(LIST, { first: PAGE + 1, after });
    more = staffUsers.length > PAGE;
    const chunk = staffUsers.slice(0, PAGE);
    users = next ? users.concat(chunk) : chunk;
    draw();
  }

  function draw() {
    summary.textContent = `${plural(users.length, 'staff user')}${more ? ' so far' : ''}.`;
    const table = h(
      'table',
      { class: 'admin-table' },
      h('thead', {}, h('tr', {}, ['Name', 'Role', 'Status', 'Last sign-in', 'Actions'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, users.map(row)),
    );
    const moreButton = more ? h('button', { type: 'button', onclick: (e) => busyLoad(e.currentTarget, true) }, 'More staff') : null;
    list.replaceChildren(frag(table, moreButton && h('div', { class: 'actions' }, moreButton)));
  }

  async function busyLoad(button, next) {
    button.disabled = true;
    try {
      await load(next);
    } catch (err) {
      ctx.notify(err.message, 'error');
      button.disabled = false;
    }
  }

  /** Puts a changed user in place and keeps the focus on the row's control of that name. */
  function replace(user, focusAction) {
    users = users.map((u) => (u.id === user.id ? user : u));
    draw();
    const target = list.querySelector(`tr[data-staff-id="${CSS.escape(user.id)}"] [data-action="${focusAction}"]`);
    if (target) target.focus();
  }

  function row(user) {
    const me = user.id === ctx.user.id;
    const suspended = user.status === 'SUSPENDED';
    const error = formError();
    let roleCell = roleName(user.role);
    let actions = me ? h('span', { class: 'muted' }, 'You') : h('span', { class: 'muted' }, '—');
    if (mayManage(user)) {
      const selectId = `staff-role-${user.id}`;
      const select = h('select', { id: selectId, 'data-action': 'role' }, grantable.map(([r, label]) => h('option', { value: r, selected: r === user.role }, label)));
      const save = h('button', { type: 'button', 'data-action': 'save-role', disabled: true }, 'Change role');
      select.addEventListener('change', () => (save.disabled = select.value === user.role));
      save.addEventListener('click', async () => {
        save.disabled = true;
        select.disabled = true;
        showError(error, null);
        try {
          const { changeRole: changed } = await gql(CHANGE_ROLE, { id: user.id, role: select.value });
          ctx.notify(`${changed.author.name} is now ${article(roleName(changed.role))}.`, 'success');
          replace(changed, 'role');
        } catch (err) {
          showError(error, err);
          select.disabled = false;
          save.disabled = select.value === user.role;
        }
      });
      roleCell = h('div', { class: 'inline-form' }, srLabel(selectId, `Role of ${user.author.name}`), select, save);
      const toggle = h(
        'button',
        { type: 'button', class: suspended ? null : 'danger', 'data-action': 'status' },
        suspended ? 'Reactivate' : 'Suspend',
      );
      toggle.setAttribute('aria-label', `${suspended ? 'Reactivate' : 'Suspend'} ${user.author.name}`);
      toggle.addEventListener('click', async () => {
        if (suspended) {
          toggle.disabled = true;
          showError(error, null);
          try {
            const { reactivateStaff: changed } = await gql(REACTIVATE, { id: user.id });
            ctx.notify(`${changed.author.name} may sign in again.`, 'success');
            replace(changed, 'status');
          } catch (err) {
            showError(error, err);
            toggle.disabled = false;
          }
          return;
        }
        const changed = await confirmDialog({
          title: `Suspend ${user.author.name}?`,
          message: `${user.email} cannot sign in while suspended, and their sessions stop working at once. Their posts stay. You can reactivate them later.`,
          confirm: 'Suspend',
          action: async () => (await gql(SUSPEND, { id: user.id })).suspendStaff,
        });
        if (!changed) return;
        ctx.notify(`${changed.author.name} is suspended.`, 'success');
        replace(changed, 'status');
      });
      actions = h('div', { class: 'row-actions' }, toggle);
    }
    return h(
      'tr',
      { 'data-staff-id': user.id, 'data-email': user.email },
      h('td', { 'data-label': 'Name', class: 'wrap' }, h('a', { class: 'staff-name', href: authorHref(user.author.slug) }, user.author.name), h('div', { class: 'muted small' }, user.email)),
      h('td', { 'data-label': 'Role' }, roleCell, error),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${suspended ? 'bad' : 'ok'}` }, suspended ? 'suspended' : 'active')),
      h('td', { 'data-label': 'Last sign-in' }, user.lastLoginAt ? h('time', { datetime: user.lastLoginAt }, when(user.lastLoginAt)) : h('span', { class: 'muted' }, 'never')),
      h('td', { 'data-label': 'Actions' }, actions),
    );
  }

  // adding a staff user
  const email = h('input', { type: 'email', required: true, autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { type: 'text', required: true, maxlength: 100, autocomplete: 'off' });
  const role = h('select', {}, grantable.map(([r, label, what]) => h('option', { value: r, selected: r === 'AUTHOR' }, `${label} — ${what}`)));
  const password = h('input', { type: 'password', required: true, minlength: 10, autocomplete: 'new-password' });
  const show = h('input', { type: 'checkbox', id: 'staff-show-password' });
  show.addEventListener('change', () => (password.type = show.checked ? 'text' : 'password'));
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'staff-new-title' },
    ...field('staff-email', 'Email', email, 'They sign in with it.'),
    ...field('staff-name', 'Name', name, 'As readers see it on their posts.'),
    ...field('staff-role', 'Role', role, admin ? null : 'Editors add authors and contributors.'),
    ...field('staff-password', 'First password', password, 'At least 10 characters. Pass it on to them; they change it under Profile.'),
    h('div', { class: 'checkbox' }, show, h('label', { for: 'staff-show-password' }, 'Show the password')),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add staff user')),
  );
  onSubmit(form, error, async () => {
    const { createStaff: created } = await gql(CREATE, {
      input: { email: email.value.trim(), name: name.value.trim(), role: role.value, password: password.value },
    });
    form.reset();
    password.type = 'password';
    ctx.notify(`Added ${created.author.name} (${created.email}) as ${article(roleName(created.role))}. Give them their first password.`, 'success');
    await load();
  });

  await load();
  return page(
    'Staff',
    h('section', { class: 'panel', 'aria-labelledby': 'staff-list-title' }, h('h2', { id: 'staff-list-title' }, 'Staff users'), summary, list),
    h('section', { class: 'panel' }, h('h2', { id: 'staff-new-title' }, 'Add a staff user'), form),
  );
}

const article = (word) => `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word.toLowerCase()}`;

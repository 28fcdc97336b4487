// Browser tests of the writing desk's administration pages (/admin/: staff, tags, settings,
// webhooks, profile), driving Debian's Chromium through playwright-core against a running Jotter.
// Each test signs in itself (adminToken() claims a fresh blog first), so the file also runs alone
// and in any order; what a test changes on the blog it puts back (title, menus, the admin's bio)
// or makes on throwaway staff users and tags of its own.
//
//   cd src/test/browser && npm install && JOTTER_URL=http://localhost:9080 node --test desk-admin.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  useBrowser,
  openPage,
  assertNoProblems,
  view,
  signIn,
  graphql,
  adminToken,
  staffUser,
  screenshot,
  assertNoHorizontalScroll,
  ADMIN,
  BASE,
} from './desk-helpers.mjs';

useBrowser();

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A page signed in through the desk as the administrator. */
async function asAdmin(t, options) {
  await apiToken(); // claims the blog if nobody has yet
  const opened = await openPage(t, options);
  await signIn(opened.page, ADMIN);
  return opened;
}

/** Follows a link of the desk's navigation and waits for its view. */
async function follow(page, link, h1 = link) {
  await page.getByRole('navigation', { name: 'Writing desk' }).getByRole('link', { name: link, exact: true }).click();
  await view(page, h1);
}

/** Waits for a success notice containing `text`. */
async function notice(page, text) {
  await page.locator('#notice .notice-success', { hasText: text }).waitFor();
}

/** Clicks the confirming button of the open confirmation dialog. */
async function confirm(page, button) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The administrator's token for API checks, signed in once (concurrent sign-ins of one user can collide). */
let adminTokenOnce = null;
const apiToken = () =>
  (adminTokenOnce ??= adminToken().catch((err) => {
    adminTokenOnce = null;
    throw err;
  }));

async function api(query, variables = {}, token = null) {
  const answer = await graphql(query, variables, token ?? (await apiToken()));
  assert.ok(!answer.errors, JSON.stringify(answer.errors));
  return answer.data;
}

const navLinks = (page) => page.locator('#desk-nav-list a').allTextContents();

test('an administrator adds an author, changes their role, suspends and reactivates them; they then sign in', async (t) => {
  const { page, problems } = await asAdmin(t);
  await follow(page, 'Staff');
  const name = `Desk Staffer ${unique()}`;
  const email = `desk-staffer-${unique()}@example.com`;
  const password = 'a first password for them';

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role', { exact: true }).selectOption('AUTHOR');
  await page.getByLabel('First password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Add staff user' }).click();
  await notice(page, `Added ${name}`);
  const row = page.locator(`tr[data-email="${email}"]`);
  await row.waitFor();
  assert.equal(await row.getByLabel(`Role of ${name}`).inputValue(), 'AUTHOR');
  assert.match(await row.locator('.badge').textContent(), /active/);
  const who = async () => (await api('{ staffUsers { email role status } }')).staffUsers.find((u) => u.email === email);
  assert.deepEqual(await who(), { email, role: 'AUTHOR', status: 'ACTIVE' });

  // a new role
  const changeRole = row.getByRole('button', { name: 'Change role' });
  assert.ok(await changeRole.isDisabled(), 'nothing to change before another role is chosen');
  await row.getByLabel(`Role of ${name}`).selectOption('EDITOR');
  await changeRole.click();
  await notice(page, `${name} is now an editor`);
  assert.equal((await who()).role, 'EDITOR');

  // suspended, after a confirmation; they cannot sign in
  await row.getByRole('button', { name: `Suspend ${name}` }).click();
  await confirm(page, 'Suspend');
  await notice(page, `${name} is suspended`);
  await row.locator('.badge', { hasText: 'suspended' }).waitFor();
  assert.equal((await who()).status, 'SUSPENDED');
  const refused = await graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

  // reactivated: they sign in through the desk
  await row.getByRole('button', { name: `Reactivate ${name}` }).click();
  await notice(page, `${name} may sign in again`);
  await row.locator('.badge', { hasText: 'active' }).waitFor();
  assert.equal((await who()).status, 'ACTIVE');

  const second = await openPage(t);
  await signIn(second.page, { email, password });
  assert.equal(await second.page.locator('#desk-user .who').textContent(), name);
  const links = await navLinks(second.page); // an editor now
  assert.ok(links.includes('Staff') && links.includes('Tags') && !links.includes('Settings'), links.join(', '));
  assertNoProblems(problems);
  assertNoProblems(second.problems);
});

test('an editor has Staff and Tags but not Settings or Webhooks; a contributor has none of them', async (t) => {
  const editor = await staffUser('EDITOR', `Desk Editor ${unique()}`);
  const { page, problems } = await openPage(t);
  await signIn(page, editor);
  const links = await navLinks(page);
  assert.ok(links.includes('Staff') && links.includes('Tags'), links.join(', '));
  assert.ok(!links.includes('Settings') && !links.includes('Webhooks') && !links.includes('Import and export'), links.join(', '));
  for (const hash of ['#/settings', '#/webhooks', '#/webhooks/1']) {
    await page.goto(`${BASE}/admin/${hash}`);
    await view(page, 'Not for your role');
  }
  // editors add authors and contributors only
  await follow(page, 'Staff');
  const roles = await page.getByLabel('Role', { exact: true }).locator('option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(roles.sort(), ['AUTHOR', 'CONTRIBUTOR']);
  // and cannot touch an administrator's row
  const adminRow = page.locator(`tr[data-email="${ADMIN.email}"]`);
  assert.equal(await adminRow.locator('button, select').count(), 0);
  await follow(page, 'Tags');

  const contributor = await staffUser('CONTRIBUTOR', `Desk Contributor ${unique()}`);
  const other = await openPage(t);
  await signIn(other.page, contributor);
  const theirs = await navLinks(other.page);
  assert.ok(theirs.includes('Posts'), theirs.join(', '));
  for (const link of ['Tags', 'Staff', 'Settings', 'Webhooks', 'Import and export']) assert.ok(!theirs.includes(link), theirs.join(', '));
  for (const hash of ['#/staff', '#/tags', '#/settings']) {
    await other.page.goto(`${BASE}/admin/${hash}`);
    await view(other.page, 'Not for your role');
  }
  assertNoProblems(problems);
  assertNoProblems(other.problems);
});

test('tags: create, rename and delete (which says how many published posts had it)', async (t) => {
  const { page, problems } = await asAdmin(t);
  await follow(page, 'Tags');
  const name = `Desk tag ${unique()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description', { exact: true }).fill('Made by the desk test.');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await notice(page, `Added the tag “${name}”`);
  const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
  await row.waitFor();
  const slug = await row.getAttribute('data-tag');
  assert.ok(slug, 'the row names its slug');

  // a published post with the tag, so that deleting it has something to count
  const token = await apiToken();
  const draft = await api('mutation($i: PostInput!) { createDraft(input: $i) { id } }', { i: { title: `Tagged by the desk ${unique()}`, markdown: 'A post for the tags test.', tags: [slug] } }, token);
  const postId = draft.createDraft.id;
  t.after(() => graphql('mutation($id: ID!) { deletePost(id: $id) { id } }', { id: postId }, token));
  await api('mutation($id: ID!) { publishPost(id: $id) { id } }', { id: postId }, token);

  // renamed in the edit dialog
  const renamed = `${name} renamed`;
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(renamed);
  await dialog.getByRole('button', { name: 'Save tag' }).click();
  await notice(page, `Saved the tag “${renamed}”`);
  const renamedRow = page.locator(`tr[data-tag="${slug}"]`);
  await renamedRow.getByRole('link', { name: renamed, exact: true }).waitFor();
  assert.equal(await renamedRow.locator('td').nth(2).textContent(), '1');
  let tags = (await api('{ allTags { slug name description } }')).allTags;
  assert.deepEqual(tags.find((tag) => tag.slug === slug), { slug, name: renamed, description: 'Made by the desk test.' });

  // deleted after a confirmation that names the count
  await renamedRow.getByRole('button', { name: `Delete ${renamed}` }).click();
  assert.match(await page.getByRole('dialog').textContent(), /1 published post\b/);
  await confirm(page, 'Delete tag');
  await notice(page, `Deleted the tag “${renamed}”: 1 published post had it`);
  await renamedRow.waitFor({ state: 'detached' });
  tags = (await api('{ allTags { slug } }')).allTags;
  assert.ok(!tags.some((tag) => tag.slug === slug));
  assertNoProblems(problems);
});

test('settings: a new title and menu entries, saved in order, are what readers get', async (t) => {
  const before = (await api('{ blog { title navigation { label url } } }')).blog;
  t.after(() => api('mutation($i: BlogSettingsInput!) { updateBlogSettings(input: $i) { title } }', { i: { title: before.title, navigation: before.navigation } }));
  const { page, problems } = await asAdmin(t);
  await follow(page, 'Settings');
  const title = `Desk blog ${unique()}`;
  await page.getByLabel('Title', { exact: true }).fill(title);

  const menu = page.locator('section', { has: page.getByRole('heading', { name: 'Main menu' }) });
  const add = menu.getByRole('button', { name: 'Add an entry to the main menu' });
  await add.click();
  const rows = menu.locator('li.menu-row');
  await rows.last().getByLabel('Label').fill('Desk space');
  await rows.last().getByLabel('URL').fill('/tag/space');
  await add.click();
  await rows.last().getByLabel('Label').fill('Desk first');
  await rows.last().getByLabel('URL').fill('/');
  const up = menu.getByRole('button', { name: 'Move Desk first up' });
  await up.focus();
  await page.keyboard.press('Enter'); // the buttons work from the keyboard
  assert.deepEqual(await rows.locator('[data-field="label"]').evaluateAll((inputs) => inputs.slice(-2).map((i) => i.value)), ['Desk first', 'Desk space']);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await notice(page, 'settings are saved');

  const blog = (await api('{ blog { title navigation { label url } } }')).blog;
  assert.equal(blog.title, title);
  const ours = blog.navigation.filter((item) => item.label.startsWith('Desk '));
  assert.deepEqual(ours, [{ label: 'Desk first', url: '/' }, { label: 'Desk space', url: '/tag/space' }]);
  assert.equal((await graphql('{ blog { title } }')).data.blog.title, title, 'the public API answers the new title');

  // a bad entry is refused with the API's sentence next to the form, nothing saved
  await rows.first().getByLabel('URL').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const error = page.locator('.save-bar .form-error');
  await error.waitFor();
  assert.match(await error.textContent(), /navigation\[0\]\.url/);
  // leaving with that unsaved change asks first
  const tagsLink = page.getByRole('navigation', { name: 'Writing desk' }).getByRole('link', { name: 'Tags', exact: true });
  await tagsLink.click();
  await confirm(page, 'Cancel');
  await page.waitForFunction(() => location.hash === '#/settings');
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), title, 'still there, unsaved change and all');
  await tagsLink.click();
  await confirm(page, 'Leave without saving');
  await view(page, 'Tags');

  // the reader home page
  const reader = await openPage(t);
  await reader.page.goto(`${BASE}/`);
  await reader.page.locator('.site-header .brand', { hasText: title }).waitFor();
  await reader.page.getByRole('link', { name: 'Desk space', exact: true }).first().waitFor();
  assertNoProblems(problems);
  assertNoProblems(reader.problems);
});

test('webhooks: create (the secret shown once), listed, its delivery log and a redelivery, changed, a new secret, deleted', async (t) => {
  const { page, problems } = await asAdmin(t);
  await follow(page, 'Webhooks');
  const name = `Desk hook ${unique()}`;
  // a receiver of our own on loopback (WritingDeskIT lets the server send to 127.0.0.1/32 with
  // JOTTER_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS): nothing leaves this machine
  const received = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ event: req.headers['x-jotter-event'] || null, body });
      res.writeHead(200).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => receiver.close(resolve)));
  const url = `http://127.0.0.1:${receiver.address().port}/desk-${unique()}`;
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const error = page.locator('form .form-error');
  await error.waitFor();
  assert.match(await error.textContent(), /at least one event/);
  await page.getByLabel('Tag changed').check();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await notice(page, `Added the webhook “${name}”`);
  const secretPanel = page.getByRole('region', { name: `Secret of “${name}”` });
  assert.match(await secretPanel.textContent(), /only time/);
  const secret = await secretPanel.getByLabel('Signing secret').inputValue();
  assert.match(secret, /^whsec_/);
  const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
  await row.waitFor();
  const id = await row.getAttribute('data-webhook-id');
  let hooks = (await api('{ webhooks { id name url events active } }')).webhooks;
  assert.deepEqual(hooks.find((w) => w.id === id), { id, name, url, events: ['TAG_CHANGED'], active: true });
  await secretPanel.getByRole('button', { name: 'I have kept it' }).click();
  await secretPanel.waitFor({ state: 'detached' });

  // its page: the log, empty so far
  await row.getByRole('link', { name }).click();
  await view(page, `Webhook “${name}”`);
  await page.getByText('Nothing sent yet').waitFor();

  // a tag changes: its delivery is in the log, and is sent again on request
  const tag = (await api('mutation($i: TagInput!) { createTag(input: $i) { slug } }', { i: { name: `Desk hook tag ${unique()}` } })).createTag;
  t.after(async () => graphql('mutation($s: String!) { deleteTag(slug: $s) }', { s: tag.slug }, await apiToken()));
  await api('mutation($s: String!) { updateTag(slug: $s, input: { description: "Changed for the webhook test." }) { slug } }', { s: tag.slug });
  const deliveries = async () => (await api('query($id: ID!) { webhookDeliveries(webhookId: $id) { edges { node { id event redeliveryOf } } } }', { id })).webhookDeliveries.edges.map((e) => e.node);
  const deadline = Date.now() + 12_000;
  while ((await deliveries()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const [first] = await deliveries();
  assert.equal(first?.event, 'TAG_CHANGED', 'the change was delivered');
  const sent = Date.now() + 12_000;
  while (received.length === 0 && Date.now() < sent) await new Promise((r) => setTimeout(r, 250));
  assert.match(received[0]?.body || '', /tag\.changed|TAG_CHANGED/i, 'the receiver got the change');
  await page.reload();
  await view(page, `Webhook “${name}”`);
  const delivery = page.locator(`tr[data-delivery-id="${first.id}"]`);
  assert.match(await delivery.textContent(), /Tag changed/);
  await delivery.getByRole('button', { name: `Redeliver delivery ${first.id}` }).click();
  await notice(page, `Delivery ${first.id} is sent again`);
  await page.locator('.delivery-log tr', { hasText: `again of #${first.id}` }).waitFor();
  assert.ok((await deliveries()).some((d) => d.redeliveryOf === first.id));

  // its settings
  await page.getByLabel('Active: send events').uncheck();
  await page.getByLabel('Post deleted').check();
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await notice(page, `Saved the webhook “${name}”`);
  hooks = (await api('{ webhooks { id events active } }')).webhooks;
  assert.deepEqual(hooks.find((w) => w.id === id), { id, events: ['POST_DELETED', 'TAG_CHANGED'], active: false });

  // a new secret, then deleted
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await confirm(page, 'Rotate secret');
  const rotated = await page.getByRole('region', { name: `New secret of “${name}”` }).getByLabel('Signing secret').inputValue();
  assert.match(rotated, /^whsec_/);
  assert.notEqual(rotated, secret);
  await page.getByRole('button', { name: 'Delete webhook' }).click();
  await confirm(page, 'Delete webhook');
  await view(page, 'Webhooks');
  await notice(page, `Deleted the webhook “${name}”`);
  assert.equal(await page.locator(`tr[data-webhook-id="${id}"]`).count(), 0);
  hooks = (await api('{ webhooks { id } }')).webhooks;
  assert.ok(!hooks.some((w) => w.id === id));
  assertNoProblems(problems);
});

test('profile: the administrator changes their bio', async (t) => {
  const before = (await api('{ me { author { bio } } }')).me.author.bio;
  t.after(() => api('mutation($i: ProfileInput!) { updateMyProfile(input: $i) { bio } }', { i: { bio: before ?? '' } }));
  const { page, problems } = await asAdmin(t);
  await page.locator('#desk-user .who').click();
  await view(page, 'Your profile');
  const bio = `Bio from the desk test ${unique()}.`;
  await page.getByLabel('Bio').fill(bio);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await notice(page, 'Your profile is saved');
  assert.equal((await api('{ me { author { bio } } }')).me.author.bio, bio);
  assertNoProblems(problems);
});

// a 2 × 2 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

test('profile: a staff user uploads an avatar, renames themselves and changes their password, then signs in with it', async (t) => {
  const user = await staffUser('AUTHOR', `Desk Profile ${unique()}`);
  const { page, problems } = await openPage(t);
  await signIn(page, user);
  await page.locator('#desk-user .who').click();
  await view(page, 'Your profile');

  await page.getByLabel('Upload an avatar').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
  await page.getByText('Uploaded: 2 × 2 px').waitFor();
  const avatar = await page.getByLabel('Avatar URL').inputValue();
  assert.match(avatar, /^\/images\/.+\.png$/);
  const renamed = `${user.name} Jr`;
  await page.getByLabel('Name', { exact: true }).fill(renamed);
  await page.getByLabel('Location').fill('Europa');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await notice(page, 'Your profile is saved');
  assert.equal(await page.locator('#desk-user .who').textContent(), renamed, 'the header knows the new name');

  // a wrong current password is the API's error, next to the form
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('New password again').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  const error = page.locator('form', { has: page.getByLabel('Current password') }).locator('.form-error');
  await error.waitFor();
  await page.getByLabel('Current password').fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await notice(page, 'Your password is changed');
  assert.equal(await error.isHidden(), true);

  const token = (await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: user.email, p: 'a brand new password' }, '')).login.token;
  const me = (await api('{ me { author { name avatarUrl location } } }', {}, token)).me.author;
  assert.deepEqual(me, { name: renamed, avatarUrl: avatar, location: 'Europa' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await view(page, 'Sign in');
  await signIn(page, { email: user.email, password: 'a brand new password' });
  assertNoProblems(problems);
});

test('the admin pages at 360 px: no sideways scroll (Staff screenshot), one h1 each, every control labelled', async (t) => {
  await staffUser('CONTRIBUTOR', `Desk Narrow ${unique()} With A Rather Long Name Indeed`);
  const { page, problems } = await asAdmin(t, { viewport: { width: 360, height: 800 } });
  await page.goto(`${BASE}/admin/#/staff`);
  await view(page, 'Staff');
  await assertNoHorizontalScroll(page);
  await screenshot(page, 'desk-staff');
  for (const [hash, h1] of [['#/staff', 'Staff'], ['#/tags', 'Tags'], ['#/settings', 'Settings'], ['#/webhooks', 'Webhooks'], ['#/profile', 'Your profile']]) {
    await page.goto(`${BASE}/admin/${hash}`);
    await view(page, h1);
    await assertNoHorizontalScroll(page);
    // one h1, and every control named by a <label for>
    const { headings, unlabelled } = await page.evaluate(() => ({
      headings: document.querySelectorAll('main h1').length,
      unlabelled: [...document.querySelectorAll('main input, main select, main textarea')]
        .filter((el) => !el.hidden && el.type !== 'hidden' && el.labels.length === 0)
        .map((el) => el.id || el.name || el.outerHTML),
    }));
    assert.equal(headings, 1, `${hash}: one h1`);
    assert.deepEqual(unlabelled, [], `${hash}: controls without a label`);
  }
  assertNoProblems(problems);
});

test('import and export: a Markdown file checked (nothing changes), imported with its date, the same file again skipped; the blog exported as a zip', async (t) => {
  // the broken file below is answered 400, as it should be
  const { page, problems } = await asAdmin(t, { expected: /(HTTP 400 for POST|status of 400).*\/imports\?format=ghost/ });
  await follow(page, 'Import and export');
  const slug = `moved-in-${unique()}`;
  const markdown = [
    '---',
    'title: Moved in from elsewhere',
    `slug: ${slug}`,
    'date: 2019-03-14T09:30:00+01:00',
    'status: published',
    'tags: [Space]',
    'excerpt: Written years ago, on another blog.',
    '---',
    '',
    '## Why it moved',
    '',
    'Because the desk can bring it in.',
    '',
  ].join('\n');
  const file = { name: `${slug}.md`, mimeType: 'text/markdown', buffer: Buffer.from(markdown) };
  await page.getByLabel('From').selectOption('markdown');
  await page.getByLabel('Export file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.locator('.import-counts', { hasText: '1 post to create' }).waitFor();
  assert.match(await page.locator('.import-items tr[data-action="CREATE"]').textContent(), /Moved in from elsewhere/);
  const before = await graphql('query($s: String!) { post(slug: $s) { id } }', { s: slug });
  assert.equal(before.data.post, null, 'the dry run changed nothing');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.import-progress', { hasText: /^Done: 1 of 1 — 1 created/ }).waitFor({ timeout: 30_000 });
  const imported = await graphql('query($s: String!) { post(slug: $s) { title publishedAt primaryTag { name } headings { text } } }', { s: slug });
  assert.equal(imported.data.post.title, 'Moved in from elsewhere');
  assert.equal(imported.data.post.publishedAt, '2019-03-14T08:30:00Z', 'the original date is kept');
  assert.equal(imported.data.post.primaryTag.name, 'Space');
  assert.deepEqual(imported.data.post.headings.map((x) => x.text), ['Why it moved']);

  // the same file again: nothing to do
  await page.getByLabel('Export file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.locator('.import-counts', { hasText: '0 posts to create, 0 to update, 1 to skip' }).waitFor();
  await page.getByText('Nothing to import').waitFor();

  // a file that is not what it says: a clear error, nothing saved
  await page.getByLabel('From').selectOption('ghost');
  await page.getByLabel('Export file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"db": [') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.locator('form .form-error', { hasText: /./ }).waitFor();

  // the export, as a file the browser saves
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Markdown files/ }).click()]);
  assert.match(download.suggestedFilename(), /^jotter-\d{4}-\d{2}-\d{2}\.zip$/);
  const saved = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(saved);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip');
  assert.ok(bytes.includes(Buffer.from(`posts/${slug}.md`)), 'the imported post is in the export');
  assertNoProblems(problems);
});

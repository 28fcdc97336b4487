// The writing desk (/admin/) as an author uses it, in Debian's Chromium through playwright-core:
// claim the blog, write with the server's live preview, upload images, autosave, settle an edit
// conflict from a second browser without losing text, schedule, publish, find the post on the
// reader pages and in search, revisions, trash; a contributor who cannot publish; a session that
// expires mid-sentence. Screenshots of the posts list, the editor and the conflict view.
//
//   cd src/test/browser && npm install && JOTTER_URL=http://localhost:9080 node --test desk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import {
  BASE, ADMIN, TIMEOUT, useBrowser, openPage, assertNoProblems, view, signIn, graphql, adminToken, staffUser, screenshot, assertNoHorizontalScroll,
} from './desk-helpers.mjs';

useBrowser();

/** A real PNG of w×h pixels (a colour gradient), made here so the test needs no file of its own. */
function png(w, h) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) rows.set([(x * 255) / w, (y * 255) / h, 128], y * (w * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = png(64, 48);

const postIdOf = (page) => {
  const match = /#\/posts\/(\d+)/.exec(page.url());
  return match ? match[1] : null;
};

async function staffPost(id) {
  const answer = await graphql('query($id: ID!) { staffPost(id: $id) { title markdown status slug version featureImage { url } allTags { slug } } }', { id }, await adminToken());
  assert.ok(!answer.errors, JSON.stringify(answer.errors));
  return answer.data.staffPost;
}

/** Waits (bounded) until the editor says everything is saved. */
async function saved(page) {
  try {
    await page.locator('.editor-status [role="status"]', { hasText: /^Saved/ }).waitFor({ timeout: 30_000 });
  } catch (err) {
    const said = await page.evaluate(() =>
      [...document.querySelectorAll('.editor-status [role="status"], .form-error:not([hidden]), dialog[open]')].map((el) => el.textContent.trim()).join(' | '),
    );
    throw new Error(`the editor did not say Saved: ${said}`, { cause: err });
  }
}

async function typeInto(locator, text) {
  await locator.click();
  await locator.press('End');
  await locator.pressSequentially(text, { delay: 5 });
}

test('a fresh blog is claimed in the desk, and its posts are listed by status', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${BASE}/admin/`);
  await view(page, 'Sign in'); // not signed in: the desk asks first
  await page.getByRole('link', { name: 'Claim it' }).click();
  await view(page, 'Claim this blog');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Claim the blog' }).click();
  await view(page, 'Posts');
  // the demo blog's published posts
  await page.getByRole('link', { name: 'Published', exact: true }).click();
  await page.locator('main[aria-busy="false"] .tabs a[aria-current="page"]', { hasText: 'Published' }).waitFor();
  assert.ok((await page.locator('.post-list li').count()) >= 10, 'the demo posts are listed');
  assert.match(await page.locator('[role="status"]', { hasText: 'posts' }).first().textContent(), /\d+ posts/);
  // search among them
  await page.getByLabel('Search posts').fill('mars');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('[role="status"]', { hasText: 'matching “mars”' }).waitFor();
  for (const title of await page.locator('.post-list .title').allTextContents()) assert.match(title, /mars/i);
  await screenshot(page, 'desk-posts');
  // the administrator sees every part of the desk
  for (const name of ['Posts', 'New post', 'Tags', 'Staff', 'Settings', 'Webhooks']) {
    assert.equal(await page.locator('.desk-nav').getByRole('link', { name, exact: true }).count(), 1, `nav has ${name}`);
  }
  assertNoProblems(problems);
});

test('an author writes with the live preview, uploads images, and autosaves', async (t) => {
  const { page, problems } = await openPage(t);
  await signIn(page, ADMIN);
  await page.locator('.desk-nav').getByRole('link', { name: 'New post' }).click();
  await view(page, 'New post');
  await page.getByLabel('Title', { exact: true }).fill('Notes on Europa');
  await typeInto(page.getByLabel('Text (Markdown)'), '## Why Europa\n\nAn ocean under the ice, twice the water of Earth.');
  // the server renders the preview: its heading with the same anchor a saved post gets, and the counts
  await page.locator('.preview h2#why-europa', { hasText: 'Why Europa' }).waitFor();
  await page.locator('.counts', { hasText: /\d+ words · 1 min read/ }).waitFor();
  await saved(page); // autosave created the draft
  const id = postIdOf(page);
  assert.ok(id, `the address names the new post: ${page.url()}`);
  assert.equal(await page.locator('.desk-nav a[aria-current="page"]', { hasText: 'New post' }).count(), 0, 'the saved draft is no longer marked as a new post in the menu');
  assert.equal((await staffPost(id)).markdown, '## Why Europa\n\nAn ocean under the ice, twice the water of Earth.');

  // an image into the body (the file picker), and a feature image
  await page.setInputFiles('#body-image', { name: 'ice-shell.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('.preview img[src^="/images/"]').waitFor();
  await page.setInputFiles('#feature-file', { name: 'europa.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('.feature-image img[src^="/images/"]').waitFor();
  await page.getByLabel('Feature image alt text').fill('Europa, cracked ice');
  // a tag, then Ctrl+S
  await page.getByRole('combobox', { name: /^Tags/ }).fill('Space');
  await page.getByRole('combobox', { name: /^Tags/ }).press('Enter');
  await page.locator('.chips li', { hasText: 'Space' }).waitFor();
  await page.getByLabel('Text (Markdown)').press('Control+s');
  await saved(page);
  const stored = await staffPost(id);
  assert.match(stored.markdown, /!\[ice-shell\]\(\/images\/[^)]+\)/);
  assert.match(stored.featureImage.url, /^\/images\//);
  assert.deepEqual(stored.allTags.map((t) => t.slug), ['space']);
  await screenshot(page, 'desk-editor');
  assertNoProblems(problems);
});

test('an edit conflict from a second browser is shown side by side and merged without losing a line', async (t) => {
  const token = await adminToken();
  const created = await graphql(
    'mutation($i: PostInput!) { createDraft(input: $i) { id } }',
    { i: { title: 'Tidal heating', markdown: 'First paragraph.' } },
    token,
  );
  const id = created.data.createDraft.id;
  const mine = await openPage(t);
  const theirs = await openPage(t);
  await signIn(mine.page, ADMIN);
  await signIn(theirs.page, ADMIN);
  await mine.page.goto(`${BASE}/admin/#/posts/${id}`);
  await view(mine.page, 'Edit post');
  await theirs.page.goto(`${BASE}/admin/#/posts/${id}`);
  await view(theirs.page, 'Edit post');

  // they save first
  await typeInto(theirs.page.getByLabel('Text (Markdown)'), '\n\nTheir paragraph about Jupiter.');
  await saved(theirs.page);
  // then I write: my autosave meets their version
  await typeInto(mine.page.getByLabel('Text (Markdown)'), '\n\nMy paragraph about the ice shell.');
  const conflict = mine.page.locator('.conflict');
  await conflict.getByRole('heading', { name: /Someone else saved this post/ }).waitFor();
  assert.match(await conflict.locator('pre.theirs').textContent(), /Their paragraph about Jupiter/);
  assert.match(await conflict.locator('pre.mine').textContent(), /My paragraph about the ice shell/);
  assert.ok((await conflict.locator('.diff li.added').count()) >= 1, 'my lines are marked');
  assert.ok((await conflict.locator('.diff li.removed').count()) >= 1, 'their lines are marked');
  const merged = await mine.page.getByLabel('Merged text').inputValue();
  assert.equal(merged, 'First paragraph.\n\nTheir paragraph about Jupiter.\n\nMy paragraph about the ice shell.', 'both paragraphs, still two');
  await screenshot(mine.page, 'desk-conflict');
  await conflict.getByRole('button', { name: 'Save the merged version' }).click();
  await saved(mine.page);
  const stored = await staffPost(id);
  assert.match(stored.markdown, /First paragraph\./);
  assert.match(stored.markdown, /Their paragraph about Jupiter\./);
  assert.match(stored.markdown, /My paragraph about the ice shell\./);
  assertNoProblems(mine.problems);
  assertNoProblems(theirs.problems);
});

test('a post is scheduled, then published, and shows on the reader page and in search', async (t) => {
  const { page, problems } = await openPage(t);
  await signIn(page, ADMIN);
  await page.locator('.desk-nav').getByRole('link', { name: 'New post' }).click();
  await view(page, 'New post');
  await page.getByLabel('Title', { exact: true }).fill('Cryovolcanoes of Enceladus');
  await typeInto(page.getByLabel('Text (Markdown)'), 'Plumes of water vapour rise from the south pole of Enceladus.');
  await saved(page);
  const id = postIdOf(page);

  // schedule for tomorrow, in the browser's time zone
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const pad = (n) => String(n).padStart(2, '0');
  const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:${pad(tomorrow.getMinutes())}`;
  await page.getByLabel(/^Publish at/).fill(local);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.locator('.publish-state', { hasText: 'Scheduled for' }).waitFor();
  assert.equal((await staffPost(id)).status, 'SCHEDULED');

  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.locator('.publish-state', { hasText: 'Published' }).waitFor();
  const post = await staffPost(id);
  assert.equal(post.status, 'PUBLISHED');

  // a preview link, and the revisions with a diff
  await page.getByRole('button', { name: 'Preview link' }).click();
  await page.locator('.preview-link a[href*="/preview/"]').waitFor();
  // a published post is not autosaved: readers see a change once it is saved
  await typeInto(page.getByLabel('Text (Markdown)'), ' Cassini flew through them.');
  await page.locator('.editor-status [role="status"]', { hasText: 'Save (Ctrl/⌘+S) updates what readers see' }).waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  await page.locator('#revisions summary').click();
  await page.locator('#revisions li button', { hasText: 'Compare with now' }).last().click();
  await page.locator('#revisions .diff li.added', { hasText: 'Cassini' }).waitFor();

  // the reader page
  const reader = await page.context().newPage();
  await reader.goto(`${BASE}/p/${post.slug}`);
  await reader.locator('main[aria-busy="false"] h1', { hasText: 'Cryovolcanoes of Enceladus' }).waitFor();
  // search follows through the change log: bounded wait
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await reader.goto(`${BASE}/search?q=Enceladus`);
    await reader.locator('main[aria-busy="false"]').waitFor();
    if ((await reader.locator('main a', { hasText: 'Cryovolcanoes of Enceladus' }).count()) > 0) break;
    assert.ok(Date.now() < deadline, 'the published post shows in search within 15 s');
    await reader.waitForTimeout(500);
  }
  assertNoProblems(problems);
});

test('a post moves to the trash and back', async (t) => {
  const token = await adminToken();
  const created = await graphql('mutation($i: PostInput!) { createDraft(input: $i) { id } }', { i: { title: 'A thought to throw away', markdown: 'Maybe not.' } }, token);
  const id = created.data.createDraft.id;
  const { page, problems } = await openPage(t);
  await signIn(page, ADMIN);
  await page.goto(`${BASE}/admin/#/posts/${id}`);
  await view(page, 'Edit post');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await view(page, 'Posts');
  await page.locator('.post-list li', { hasText: 'A thought to throw away' }).getByRole('button', { name: 'Restore' }).click();
  await page.locator('.notice', { hasText: 'is back, as a draft' }).waitFor();
  assert.equal((await staffPost(id)).status, 'DRAFT');
  assertNoProblems(problems);
});

test('a contributor writes drafts but is offered no publishing, and the server refuses anyway', async (t) => {
  const contributor = await staffUser('CONTRIBUTOR', 'Cora Contributor');
  const { page, problems } = await openPage(t);
  await signIn(page, contributor);
  for (const name of ['Tags', 'Staff', 'Settings', 'Webhooks']) {
    assert.equal(await page.locator('.desk-nav').getByRole('link', { name, exact: true }).count(), 0, `no ${name} for a contributor`);
  }
  await page.locator('.desk-nav').getByRole('link', { name: 'New post' }).click();
  await view(page, 'New post');
  await page.getByLabel('Title', { exact: true }).fill('Why robots need rest');
  await typeInto(page.getByLabel('Text (Markdown)'), 'Even machines wear out.');
  await saved(page);
  const id = postIdOf(page);
  assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Schedule' }).count(), 0);
  await page.locator('#publish-title').waitFor();
  assert.match(await page.locator('.panel', { has: page.locator('#publish-title') }).textContent(), /Contributors write drafts/);
  // the same mutation any client could send: refused
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('jotter.desk.session')).token);
  const answer = await graphql('mutation($id: ID!) { publishPost(id: $id) { status } }', { id }, token);
  assert.equal(answer.errors[0].extensions.code, 'FORBIDDEN');
  assert.equal((await staffPost(id)).status, 'DRAFT');
  // only their own posts are listed
  await page.locator('.desk-nav').getByRole('link', { name: 'Posts' }).click();
  await view(page, 'Posts');
  assert.deepEqual(await page.locator('.post-list .title').allTextContents(), ['Why robots need rest']);
  assertNoProblems(problems);
});

test('when the session expires mid-sentence, the desk asks to sign in again and nothing typed is lost', async (t) => {
  const { page, problems } = await openPage(t, { expected: /HTTP 401 for POST .*\/graphql/ });
  await signIn(page, ADMIN);
  await page.locator('.desk-nav').getByRole('link', { name: 'New post' }).click();
  await view(page, 'New post');
  await page.getByLabel('Title', { exact: true }).fill('Orbital mechanics for gardeners');
  await typeInto(page.getByLabel('Text (Markdown)'), 'Plant at perihelion.');
  await saved(page);
  const id = postIdOf(page);
  // the token goes stale (as one does after an hour): the next save is refused
  await page.evaluate(() => {
    const key = 'jotter.desk.session';
    const kept = JSON.parse(sessionStorage.getItem(key));
    kept.token = `${kept.token.slice(0, -4)}AAAA`;
    sessionStorage.setItem(key, JSON.stringify(kept));
  });
  await typeInto(page.getByLabel('Text (Markdown)'), ' Harvest at aphelion.');
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.waitFor();
  await dialog.getByLabel('Password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await saved(page);
  assert.equal((await staffPost(id)).markdown, 'Plant at perihelion. Harvest at aphelion.');
  assertNoProblems(problems);
});

test('the editor works on a 360 px phone', async (t) => {
  const { page, problems } = await openPage(t, { viewport: { width: 360, height: 740 } });
  await signIn(page, ADMIN);
  await assertNoHorizontalScroll(page);
  await page.goto(`${BASE}/admin/#/posts/new`);
  await view(page, 'New post');
  await assertNoHorizontalScroll(page);
  await screenshot(page, 'desk-editor-phone');
  // keyboard: the skip link comes first, the view's heading has the focus on arrival and the
  // next Tab reaches the editor's controls; every control of the form has a label
  const first = await page.evaluate(() => document.querySelector('a[href], button, input, textarea, select').textContent);
  assert.equal(first, 'Skip to content');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Save');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('main input:not([type=hidden]), main textarea, main select')]
      .filter((el) => !el.labels || el.labels.length === 0)
      .map((el) => el.id || el.name),
  );
  assert.deepEqual(unlabelled, []);
  assertNoProblems(problems);
});

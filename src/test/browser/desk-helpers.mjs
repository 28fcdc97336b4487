// What the writing desk's browser tests share: Chromium, pages that record problems, signing in
// through the desk's own form, and GraphQL calls made the way any client makes them.
//
// Env: JOTTER_URL (default http://localhost:9080), SCREENSHOT_DIR (default target/screenshots),
// CHROMIUM (default /usr/bin/chromium), DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD (the blog's first
// administrator: desk.test.mjs claims the blog with them).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const BASE = (process.env.JOTTER_URL || 'http://localhost:9080').replace(/\/+$/, '');
export const SCREENSHOTS = resolve(process.env.SCREENSHOT_DIR || join(here, '../../../target/screenshots'));
export const ADMIN = {
  email: process.env.DESK_ADMIN_EMAIL || 'desk-admin@example.com',
  password: process.env.DESK_ADMIN_PASSWORD || 'a long desk password',
  name: 'astro',
};
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TIMEOUT = 15_000;

let browser;

/** Registers the before/after hooks of a desk test file: Jotter answering, Chromium started. */
export function useBrowser() {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`${BASE}/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        if (res.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`Jotter does not answer at ${BASE}/graphql (set JOTTER_URL)`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
  });
}

/**
 * A fresh page in a context of its own (its own sessionStorage: a second browser), recording
 * console errors, page errors and failed requests; `expected` (a RegExp) leaves out what the test
 * asks for. `problems` is checked by assertNoProblems.
 */
export async function openPage(t, { viewport = { width: 1280, height: 900 }, expected = null } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  const note = (what) => {
    if (!(expected && expected.test(what))) problems.push(what);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') note(`console error: ${msg.text()} (${msg.location().url || 'no url'})`);
  });
  page.on('pageerror', (err) => note(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText || '';
    if (error !== 'net::ERR_ABORTED') note(`request failed: ${req.method()} ${req.url()} ${error}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) note(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
  });
  t.after(() => context.close());
  return { page, context, problems };
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/** Waits until the desk has rendered a view whose h1 has this text. */
export async function view(page, h1) {
  await page.locator('main[aria-busy="false"] h1', { hasText: h1 }).first().waitFor();
}

/** Signs in through the desk's form and waits for the posts list. */
export async function signIn(page, { email, password }) {
  await page.goto(`${BASE}/admin/#/signin`);
  await view(page, 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await view(page, 'Posts');
}

/** One GraphQL call over HTTP, as any client makes it; returns the whole answer. */
export async function graphql(query, variables = {}, token = null) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}

/** A token for the administrator: signs in, or claims the blog first if nobody has yet. */
let kept = null;

export async function adminToken() {
  // one sign-in per test file is enough (a token lasts an hour)
  if (!kept) kept = signInAsAdmin();
  return kept;
}

async function signInAsAdmin() {
  let answer = await graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password });
  if (answer.errors) {
    answer = await graphql('mutation($e: String!, $n: String!, $p: String!) { setup(email: $e, name: $n, password: $p) { token } }', {
      e: ADMIN.email,
      n: ADMIN.name,
      p: ADMIN.password,
    });
    assert.ok(!answer.errors, `neither login nor setup worked: ${JSON.stringify(answer.errors)}`);
    return answer.data.setup.token;
  }
  return answer.data.login.token;
}

/** Adds a staff user over the API (as an administrator) and returns their credentials. */
export async function staffUser(role, name) {
  const token = await adminToken();
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now()}@example.com`;
  const password = 'a long staff password';
  const answer = await graphql(
    'mutation($i: StaffInput!) { createStaff(input: $i) { id author { slug } } }',
    { i: { email, name, password, role } },
    token,
  );
  assert.ok(!answer.errors, JSON.stringify(answer.errors));
  return { email, password, name, id: answer.data.createStaff.id, slug: answer.data.createStaff.author.slug };
}

export const screenshot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Fails if the page scrolls sideways at its width (the 360 px phone check). */
export async function assertNoHorizontalScroll(page) {
  const { scrollWidth, width, widest } = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width: vw, widest };
  });
  assert.ok(scrollWidth <= width, `page scrolls sideways at ${width}px: scrollWidth ${scrollWidth}; too wide: ${widest.join(', ')}`);
}

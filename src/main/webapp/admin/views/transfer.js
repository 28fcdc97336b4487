// Moving in and out (administrators): a Ghost JSON, WordPress WXR or Markdown file is sent to
// POST /imports, which checks it whole and answers the dry run's report (nothing changes yet); the
// import then runs in the background (startImport) and is followed with importJob until it is done.
// The exports (GET /exports/markdown.zip, /exports/ghost.json) are fetched with the session's token
// and saved as files.

import { h } from '/app/dom.js';
import { gql, ApiError } from '../api.js';
import { session } from '../session.js';
import { plural } from '../format.js';

const FORMATS = [
  ['ghost', 'Ghost (the JSON of Settings → Import/Export)'],
  ['wordpress', 'WordPress (the WXR file of Tools → Export)'],
  ['markdown', 'Markdown (a zip of .md files with front matter, or one .md file)'],
];

const JOB = `query DeskImportJob($id: ID!) { importJob(id: $id) {
  id state done total created updated skipped failed errors { sourceId title reason } } }`;

/** Sends the file with the session's token; the dry run's report, or an ApiError. */
async function check(format, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  let response;
  try {
    response = await fetch(`/imports?format=${encodeURIComponent(format)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token()}` },
      body: form,
    });
  } catch {
    throw new ApiError('network', 'The file could not be sent: Jotter could not be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // reported below
  }
  if (response.status === 401) {
    await session.signInAgain();
    return check(format, file);
  }
  if (!response.ok) {
    const error = body && Array.isArray(body.errors) ? body.errors[0] : null;
    throw new ApiError('http', (error && error.message) || `The file was refused (HTTP ${response.status}).`, {
      code: error && error.extensions ? error.extensions.code : null,
      status: response.status,
    });
  }
  return body;
}

/** Downloads an export with the session's token and hands it to the browser as a file. */
async function download(path, name) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.token()}` } });
  if (response.status === 401) {
    await session.signInAgain();
    return download(path, name);
  }
  if (!response.ok) throw new ApiError('http', `The export failed (HTTP ${response.status}).`, { status: response.status });
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

export async function transferView(ctx) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const fail = (err) => {
    error.textContent = err.message;
    error.hidden = false;
  };

  // --- import -------------------------------------------------------------------------------
  const format = h('select', { id: 'import-format', name: 'format' }, FORMATS.map(([value, label]) => h('option', { value }, label)));
  const file = h('input', { id: 'import-file', name: 'file', type: 'file', required: true, accept: '.json,.xml,.zip,.md,.markdown' });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Check the file');
  const report = h('div', { class: 'import-report', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('label', { for: 'import-format' }, 'From'),
    format,
    h('label', { for: 'import-file' }, 'Export file'),
    file,
    h('p', { class: 'hint' }, 'Checking changes nothing: you see what would be created, updated and skipped first.'),
    error,
    h('div', { class: 'actions' }, send),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files[0]) return fail(new Error('Choose the export file first.'));
    error.hidden = true;
    send.disabled = true;
    report.replaceChildren(h('p', { role: 'status' }, 'Checking the file…'));
    try {
      showReport(await check(format.value, file.files[0]));
    } catch (err) {
      report.replaceChildren();
      fail(err);
    } finally {
      send.disabled = false;
    }
  });

  function showReport(dry) {
    const c = dry.counts;
    const start = h('button', { type: 'button', class: 'primary' }, 'Import');
    const progress = h('div', { class: 'import-progress', role: 'status' });
    start.addEventListener('click', async () => {
      start.disabled = true;
      try {
        await gql('mutation DeskStartImport($id: ID!) { startImport(id: $id) { id state } }', { id: dry.id });
        await follow(dry.id, progress);
      } catch (err) {
        fail(err);
        start.disabled = false;
      }
    });
    report.replaceChildren(
      h('h2', {}, 'What the import would do'),
      h('p', { class: 'import-counts' }, `${plural(c.create, 'post')} to create, ${c.update} to update, ${c.skip} to skip, ${plural(c.error, 'error')}.`),
      h(
        'table',
        { class: 'import-items' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Item'), h('th', {}, 'Action'), h('th', {}, 'Why'))),
        h('tbody', {}, dry.items.map((item) => h('tr', { 'data-action': item.action }, h('td', {}, item.title || item.slug || item.sourceId || '(untitled)'), h('td', {}, h('span', { class: `badge ${item.action.toLowerCase()}` }, item.action.toLowerCase())), h('td', {}, item.reason || '')))),
      ),
      h('div', { class: 'actions' }, c.create + c.update > 0 ? start : h('p', {}, 'Nothing to import: the blog already has all of it.')),
      progress,
    );
  }

  async function follow(id, progress) {
    for (;;) {
      const { importJob: job } = await gql(JOB, { id });
      progress.replaceChildren(
        h('p', {}, `${job.state === 'RUNNING' ? 'Importing' : job.state === 'DONE' ? 'Done' : job.state.toLowerCase()}: ${job.done} of ${job.total} — ${job.created} created, ${job.updated} updated, ${job.skipped} skipped, ${job.failed} failed.`),
        job.errors.length > 0 ? h('ul', { class: 'import-errors' }, job.errors.map((e) => h('li', {}, `${e.title || e.sourceId || 'An item'}: ${e.reason}`))) : null,
      );
      if (job.state === 'DONE' || job.state === 'FAILED') {
        ctx.notify(job.state === 'DONE' ? `Import done: ${job.created} created, ${job.updated} updated.` : 'The import stopped: see why below.', job.state === 'DONE' ? 'success' : 'error');
        return;
      }
      if (!ctx.current()) return; // the person went elsewhere; the import goes on on the server
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  // --- export -------------------------------------------------------------------------------
  const exportButton = (label, path, name) =>
    h('button', {
      type: 'button',
      onclick: async (event) => {
        event.target.disabled = true;
        try {
          await download(path, name);
          ctx.notify(`${name} is saved.`, 'success');
        } catch (err) {
          fail(err);
        } finally {
          event.target.disabled = false;
        }
      },
    }, label);
  const day = new Date().toISOString().slice(0, 10);

  const node = h(
    'div',
    { class: 'admin-view' },
    h('h1', {}, 'Import and export'),
    h('section', { class: 'panel', 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, 'Bring a blog in'), form, report),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title' }, 'Take the blog out'),
      h('p', {}, 'Every post that is not in the trash, with its dates, tags, authors and settings.'),
      h('div', { class: 'actions' },
        exportButton('Markdown files (zip, with the images)', '/exports/markdown.zip', `jotter-${day}.zip`),
        exportButton('Ghost JSON', '/exports/ghost.json', `jotter-${day}.ghost.json`)),
    ),
  );
  node.dataset.title = 'Import and export';
  return node;
}

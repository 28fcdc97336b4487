// Webhooks (administrators). #/webhooks lists them and adds one (createWebhook: its signing secret
// is shown that once); #/webhooks/:id changes one (updateWebhook), gives it a new secret
// (rotateWebhookSecret), deletes it (deleteWebhook) and shows its delivery log a page at a time
// (webhookDeliveries), each delivery with a Redeliver button (redeliverWebhook).

import { h } from '/app/dom.js';
import { gql } from '../api.js';
import { when, plural } from '../format.js';
import { page, field, formError, onSubmit, confirmDialog, showError } from './kit.js';

const EVENTS = [
  ['POST_PUBLISHED', 'Post published', 'a post went live (now, or at its scheduled time)'],
  ['POST_UPDATED', 'Post updated', 'a published post changed'],
  ['POST_UNPUBLISHED', 'Post unpublished', 'a published post went back to draft'],
  ['POST_SCHEDULED', 'Post scheduled', 'a schedule was set, moved or cancelled'],
  ['POST_DELETED', 'Post deleted', 'a post went to the trash'],
  ['TAG_CHANGED', 'Tag changed', 'a tag was renamed, re-described or deleted'],
  ['AUTHOR_CHANGED', 'Author changed', 'an author card changed'],
  ['SITE_CHANGED', 'Site changed', 'the blog’s settings changed'],
];
const eventName = (event) => (EVENTS.find(([e]) => e === event) || [event, event])[1];

const HOOK = 'id name url events active disabledReason consecutiveFailures createdAt updatedAt';
const LIST = `query DeskWebhooks { webhooks { ${HOOK} } }`;
const CREATE = `mutation DeskCreateWebhook($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { ${HOOK} } } }`;
const UPDATE = `mutation DeskUpdateWebhook($id: ID!, $input: WebhookInput!) { updateWebhook(id: $id, input: $input) { ${HOOK} } }`;
const ROTATE = `mutation DeskRotateSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { ${HOOK} } } }`;
const DELETE = `mutation DeskDeleteWebhook($id: ID!) { deleteWebhook(id: $id) }`;
const DELIVERIES = `query DeskDeliveries($id: ID!, $first: Int!, $after: String) {
  webhookDeliveries(webhookId: $id, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id event status attempt responseCode error durationMs createdAt lastAttemptAt nextAttemptAt redeliveryOf payload } }
  }
}`;
const REDELIVER = `mutation DeskRedeliver($id: ID!) { redeliverWebhook(deliveryId: $id) { id status } }`;
const PAGE = 20;

function statusBadge(hook) {
  if (hook.active) return h('span', { class: `badge ${hook.consecutiveFailures > 0 ? 'warn' : 'ok'}` }, hook.consecutiveFailures > 0 ? `active, ${plural(hook.consecutiveFailures, 'failure')} in a row` : 'active');
  return h('span', { class: 'badge bad' }, hook.disabledReason ? 'stopped by itself' : 'off');
}

/** The fields of a webhook (name, URL, events, and "active" when editing), and how to read them. */
function hookFields(prefix, hook = null) {
  const name = h('input', { type: 'text', maxlength: 100, autocomplete: 'off', value: hook ? hook.name : '' });
  const url = h('input', { type: 'url', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'https://', value: hook ? hook.url : '' });
  const boxes = EVENTS.map(([event, label, what]) => {
    const id = `${prefix}-event-${event.toLowerCase()}`;
    const box = h('input', { type: 'checkbox', id, name: 'events', value: event, checked: hook ? hook.events.includes(event) : false, 'aria-describedby': `${id}-what` });
    return { box, node: h('div', { class: 'checkbox' }, box, h('label', { for: id }, label), h('span', { class: 'hint', id: `${id}-what` }, `— ${what}`)) };
  });
  const active = hook ? h('input', { type: 'checkbox', id: `${prefix}-active`, checked: hook.active }) : null;
  const nodes = [
    ...field(`${prefix}-name`, 'Name (optional)', name, 'For this list; the target’s host when left empty.'),
    ...field(`${prefix}-url`, 'URL', url, 'An http(s) address on the public internet: each event is POSTed there as signed JSON.'),
    h('fieldset', { class: 'events' }, h('legend', {}, 'Events'), boxes.map((b) => b.node)),
    active
      ? h('div', { class: 'checkbox' }, active, h('label', { for: active.id }, 'Active: send events'), hook.disabledReason ? h('span', { class: 'hint' }, `— stopped by itself: ${hook.disabledReason}`) : null)
      : null,
  ];
  const read = () => {
    const events = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    if (events.length === 0) throw new Error('Choose at least one event.');
    const input = { name: name.value.trim() || null, url: url.value.trim(), events };
    if (active) input.active = active.checked;
    return input;
  };
  return { nodes, read, name };
}

/** The secret, shown this once, with a copy button. */
function secretPanel(ctx, hook, secret, title) {
  const input = h('input', { type: 'text', id: 'webhook-secret', readonly: true, value: secret, spellcheck: 'false', class: 'secret' });
  const copy = h('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      ctx.notify('The secret is copied.', 'success');
    } catch {
      input.select();
      ctx.notify('Copying was refused: the secret is selected, copy it with the keyboard.', 'info');
    }
  });
  const done = h('button', { type: 'button' }, 'I have kept it');
  const panel = h(
    'section',
    { class: 'panel secret-panel', role: 'region', 'aria-labelledby': 'webhook-secret-title' },
    h('h2', { id: 'webhook-secret-title' }, title),
    h('p', { class: 'strong' }, `This is the only time the signing secret of “${hook.name}” is shown. Keep it where the receiver can check the Jotter-Signature header with it; if it is lost, rotate it.`),
    h('label', { for: 'webhook-secret' }, 'Signing secret'),
    h('div', { class: 'inline-form' }, input, copy),
    h('div', { class: 'actions' }, done),
  );
  done.addEventListener('click', () => {
    panel.remove();
    const heading = document.querySelector('main h1');
    if (heading) heading.focus();
  });
  return panel;
}

export async function webhooksView(ctx) {
  const list = h('div', { class: 'webhook-list' });
  const secretSlot = h('div');

  async function load() {
    const { webhooks } = await gql(LIST);
    list.replaceChildren(
      webhooks.length === 0
        ? h('p', { class: 'muted' }, 'No webhooks yet.')
        : h(
            'table',
            { class: 'admin-table' },
            h('thead', {}, h('tr', {}, ['Name', 'Events', 'Status', 'Created'].map((label) => h('th', { scope: 'col' }, label)))),
            h(
              'tbody',
              {},
              webhooks.map((hook) =>
                h(
                  'tr',
                  { 'data-webhook-id': hook.id },
                  h('td', { 'data-label': 'Name', class: 'wrap' }, h('a', { class: 'webhook-name', href: `#/webhooks/${hook.id}` }, hook.name), h('div', { class: 'muted small break' }, hook.url)),
                  h('td', { 'data-label': 'Events', class: 'wrap' }, hook.events.map(eventName).join(', ')),
                  h('td', { 'data-label': 'Status' }, statusBadge(hook)),
                  h('td', { 'data-label': 'Created' }, when(hook.createdAt)),
                ),
              ),
            ),
          ),
    );
  }

  const fields = hookFields('webhook-new');
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'webhook-new-title' },
    ...fields.nodes,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add webhook')),
  );
  onSubmit(form, error, async () => {
    const { createWebhook: created } = await gql(CREATE, { input: fields.read() });
    form.reset();
    ctx.notify(`Added the webhook “${created.webhook.name}”. Copy its secret now: it is not shown again.`, 'success');
    secretSlot.replaceChildren(secretPanel(ctx, created.webhook, created.secret, `Secret of “${created.webhook.name}”`));
    await load();
    secretSlot.querySelector('input').focus();
  });

  await load();
  return page(
    'Webhooks',
    h('p', { class: 'hint' }, 'Each event you choose is POSTed as JSON to the webhook’s URL, signed with its secret (Jotter-Signature), and retried for 24 hours.'),
    secretSlot,
    h('section', { class: 'panel', 'aria-labelledby': 'webhook-list-title' }, h('h2', { id: 'webhook-list-title' }, 'All webhooks'), list),
    h('section', { class: 'panel' }, h('h2', { id: 'webhook-new-title' }, 'Add a webhook'), form),
  );
}

export async function webhookView(ctx) {
  const id = ctx.params[0];
  const after = ctx.query.get('after') || null;
  const [{ webhooks }, { webhookDeliveries: log }] = await Promise.all([gql(LIST), gql(DELIVERIES, { id, first: PAGE, after }).catch((err) => ({ webhookDeliveries: { failed: err } }))]);
  const hook = webhooks.find((w) => w.id === id);
  if (!hook) {
    return page('Webhook not found', h('section', { class: 'panel' }, h('p', {}, 'There is no webhook with this number: it may have been deleted. '), h('p', {}, h('a', { href: '#/webhooks' }, 'All webhooks'))));
  }

  const secretSlot = h('div');
  const badge = h('span', {}, statusBadge(hook));

  // changing it
  const fields = hookFields('webhook-edit', hook);
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'webhook-edit-title' },
    ...fields.nodes,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save webhook')),
  );
  onSubmit(form, error, async () => {
    const { updateWebhook: saved } = await gql(UPDATE, { id, input: fields.read() });
    fields.name.value = saved.name;
    badge.replaceChildren(statusBadge(saved));
    ctx.notify(`Saved the webhook “${saved.name}”.`, 'success');
  });

  const rotate = h('button', { type: 'button' }, 'Rotate secret');
  rotate.addEventListener('click', async () => {
    const rotated = await confirmDialog({
      title: 'Give the webhook a new secret?',
      message: 'The old secret stops at once: deliveries from now on are signed with the new one, which is shown this once.',
      confirm: 'Rotate secret',
      action: async () => (await gql(ROTATE, { id })).rotateWebhookSecret,
    });
    if (!rotated) return;
    secretSlot.replaceChildren(secretPanel(ctx, rotated.webhook, rotated.secret, `New secret of “${rotated.webhook.name}”`));
    ctx.notify('The webhook has a new secret. Copy it now: it is not shown again.', 'success');
    secretSlot.querySelector('input').focus();
  });
  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete webhook');
  remove.addEventListener('click', async () => {
    const gone = await confirmDialog({
      title: `Delete the webhook “${hook.name}”?`,
      message: 'No more events are sent to it, and its delivery log goes too. This cannot be undone.',
      confirm: 'Delete webhook',
      action: async () => (await gql(DELETE, { id })).deleteWebhook,
    });
    if (!gone) return;
    ctx.notify(`Deleted the webhook “${hook.name}”.`, 'success');
    ctx.navigate('#/webhooks');
  });

  return page(
    `Webhook “${hook.name}”`,
    h('p', {}, h('a', { href: '#/webhooks' }, '← All webhooks')),
    h('p', { class: 'break' }, h('code', {}, hook.url), ' ', badge),
    secretSlot,
    h('section', { class: 'panel', 'aria-labelledby': 'webhook-log-title' }, h('h2', { id: 'webhook-log-title' }, 'Delivery log'), deliveryLog(ctx, hook, log, after)),
    h('section', { class: 'panel' }, h('h2', { id: 'webhook-edit-title' }, 'Settings'), form),
    h('section', { class: 'panel', 'aria-labelledby': 'webhook-danger-title' }, h('h2', { id: 'webhook-danger-title' }, 'Secret and deletion'), h('div', { class: 'actions' }, rotate, remove)),
  );
}

function deliveryLog(ctx, hook, log, after) {
  if (log.failed) return h('p', { class: 'form-error', role: 'alert' }, `The delivery log could not be read: ${log.failed.message}`);
  const error = formError();
  const rows = log.edges.map(({ node: d }) => {
    const redeliver = h('button', { type: 'button', 'aria-label': `Redeliver delivery ${d.id}` }, 'Redeliver');
    redeliver.addEventListener('click', async () => {
      redeliver.disabled = true;
      showError(error, null);
      try {
        const { redeliverWebhook: again } = await gql(REDELIVER, { id: d.id });
        ctx.notify(`Delivery ${d.id} is sent again as delivery ${again.id}.`, 'success');
        ctx.navigate(`#/webhooks/${hook.id}`);
      } catch (err) {
        showError(error, err);
        redeliver.disabled = false;
      }
    });
    const response = d.responseCode ? `HTTP ${d.responseCode}` : d.error ? '' : '—';
    return h(
      'tr',
      { 'data-delivery-id': d.id },
      h('td', { 'data-label': 'Event' }, eventName(d.event), h('div', { class: 'muted small' }, `#${d.id}${d.redeliveryOf ? `, again of #${d.redeliveryOf}` : ''}`)),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${d.status === 'SUCCEEDED' ? 'ok' : d.status === 'FAILED' ? 'bad' : 'warn'}` }, d.status.toLowerCase())),
      h('td', { 'data-label': 'Attempts' }, String(d.attempt)),
      h('td', { 'data-label': 'Response', class: 'wrap' }, response, d.error ? h('div', { class: 'small break' }, d.error) : null, d.durationMs != null ? h('div', { class: 'muted small' }, `${d.durationMs} ms`) : null),
      h(
        'td',
        { 'data-label': 'Times', class: 'wrap' },
        h('div', {}, `Created ${when(d.createdAt)}`),
        d.lastAttemptAt ? h('div', { class: 'muted small' }, `Last tried ${when(d.lastAttemptAt)}`) : null,
        d.nextAttemptAt ? h('div', { class: 'muted small' }, `Next try ${when(d.nextAttemptAt)}`) : null,
      ),
      h('td', { 'data-label': 'Payload', class: 'wrap' }, h('details', {}, h('summary', {}, 'Payload'), h('pre', { class: 'payload' }, d.payload))),
      h('td', { 'data-label': 'Actions' }, redeliver),
    );
  });
  const paging = h(
    'div',
    { class: 'actions' },
    after ? h('a', { class: 'button', href: `#/webhooks/${hook.id}` }, 'Newest deliveries') : null,
    log.pageInfo.hasNextPage ? h('a', { class: 'button', rel: 'next', href: `#/webhooks/${hook.id}?after=${encodeURIComponent(log.pageInfo.endCursor)}` }, 'Older deliveries') : null,
  );
  return h(
    'div',
    { class: 'delivery-log' },
    error,
    rows.length === 0
      ? h('p', { class: 'muted' }, after ? 'No older deliveries.' : 'Nothing sent yet: deliveries appear here when one of its events happens.')
      : h(
          'table',
          { class: 'admin-table' },
          h('thead', {}, h('tr', {}, ['Event', 'Status', 'Attempts', 'Response', 'Times', 'Payload', 'Actions'].map((label) => h('th', { scope: 'col' }, label)))),
          h('tbody', {}, rows),
        ),
    paging,
  );
}

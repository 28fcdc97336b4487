// What the administration views (profile, tags, staff, settings, webhooks) share: the page frame,
// labelled fields, forms that disable their buttons while sending and show the API's error next to
// them, image fields with upload, and a confirmation <dialog> (no window.confirm: tests drive it).

import { h } from '/app/dom.js';
import { uploadImage } from '../api.js';

/** The view's node: a section with the one h1 of the page; dataset.title names the page. */
export function page(title, ...children) {
  const node = h('div', { class: 'admin-view' }, h('h1', {}, title), ...children);
  node.dataset.title = title;
  return node;
}

/** A hidden error paragraph for a form (role="alert": read out when it appears). */
export function formError() {
  return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

export function showError(el, err) {
  el.textContent = err ? (err.message || String(err)) : '';
  el.hidden = !err;
}

/** [label, control, hint]: the label points at the control, the hint describes it. */
export function field(id, label, control, hint = null) {
  control.id = id;
  if (!control.name) control.name = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', `${id}-hint`);
  return [h('label', { for: id }, label), control, hintEl];
}

/**
 * Sends a form: checks the browser's constraints, disables its buttons while `action` runs, shows
 * an error next to the form (err.message) or clears it. `action` resolves when done.
 */
export function onSubmit(form, error, action) {
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.sending === 'true') return;
    if (!form.reportValidity()) return;
    showError(error, null);
    const buttons = [...form.querySelectorAll('button')].filter((b) => !b.disabled);
    buttons.forEach((b) => (b.disabled = true));
    form.dataset.sending = 'true';
    form.setAttribute('aria-busy', 'true');
    try {
      await action(event);
    } catch (err) {
      showError(error, err);
    } finally {
      form.dataset.sending = 'false';
      form.removeAttribute('aria-busy');
      buttons.forEach((b) => (b.disabled = false));
    }
  });
  return form;
}

/** Runs `action` with `button` disabled meanwhile; errors go to `error` (or are rethrown). */
export async function busy(button, action, error = null) {
  button.disabled = true;
  if (error) showError(error, null);
  try {
    return await action();
  } catch (err) {
    if (!error) throw err;
    showError(error, err);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

let dialogs = 0;

/**
 * Asks before something that cannot be undone, in a modal <dialog>: `action` runs when the person
 * confirms; its error stays in the dialog. Resolves with what `action` returned, or undefined when
 * cancelled (Escape or the Cancel button).
 */
export function confirmDialog({ title, message, confirm, action, danger = true }) {
  const n = ++dialogs;
  return new Promise((resolve) => {
    const error = formError();
    const yes = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, confirm);
    const no = h('button', { type: 'button' }, 'Cancel');
    const form = h('form', { class: 'stack' }, h('h2', { id: `confirm-${n}-title` }, title), h('p', { id: `confirm-${n}-text` }, message), error, h('div', { class: 'actions' }, yes, no));
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': `confirm-${n}-title`, 'aria-describedby': `confirm-${n}-text` }, form);
    const opener = document.activeElement;
    let result;
    const close = () => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (form.dataset.sending !== 'true') close();
    });
    no.addEventListener('click', close);
    onSubmit(form, error, async () => {
      result = await action();
      close();
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** Whether the desk's CSP lets an <img> show this URL (this site or https). */
export function previewable(url) {
  if (!url) return false;
  try {
    const parsed = new URL(url, location.origin);
    return parsed.origin === location.origin || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An image address with an upload button: { nodes, input, settled() }. Uploading (POST /images)
 * puts the stored image's address in the field; settled() waits for an upload in progress.
 */
export function imageField(id, label, value, { hint = null, alt = '', upload = `Upload an image (${label.toLowerCase()})` } = {}) {
  const input = h('input', { type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', value: value || '' });
  const file = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp,image/gif', class: 'file' });
  const status = h('p', { class: 'hint', role: 'status' });
  const error = formError();
  const preview = h('img', { class: 'image-preview', alt, hidden: true });
  let pending = Promise.resolve();
  const show = () => {
    const url = input.value.trim();
    preview.hidden = !previewable(url);
    if (!preview.hidden && preview.getAttribute('src') !== url) preview.src = url;
  };
  preview.addEventListener('error', () => (preview.hidden = true));
  input.addEventListener('change', show);
  file.addEventListener('change', () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    file.disabled = true;
    showError(error, null);
    status.textContent = `Uploading ${chosen.name}…`;
    pending = uploadImage(chosen)
      .then((stored) => {
        input.value = stored.url;
        status.textContent = `Uploaded: ${stored.width} × ${stored.height} px. Save to use it.`;
        show();
      })
      .catch((err) => {
        status.textContent = '';
        showError(error, err);
      })
      .finally(() => {
        file.disabled = false;
        file.value = '';
      });
  });
  show();
  const nodes = h(
    'div',
    { class: 'image-field stack' },
    ...field(id, label, input, hint),
    h('label', { for: `${id}-file`, class: 'upload-label' }, upload),
    Object.assign(file, { id: `${id}-file`, name: `${id}-file` }),
    status,
    error,
    preview,
  );
  return { nodes, input, settled: () => pending };
}

/** A label only screen readers see (for controls in table rows). */
export const srLabel = (forId, text) => h('label', { for: forId, class: 'sr-only' }, text);

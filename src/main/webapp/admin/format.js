// Dates and counts as the desk shows them, in the author's own time zone.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Dec 7, 2026, 11:40 AM" in the browser's time zone, or '' without a date. */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTime.format(date);
}

/** The browser's time zone, for example "Europe/Paris". */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';

/** An ISO instant as the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(iso) {
  const date = iso ? new Date(iso) : new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the browser's time zone) as an ISO instant with its offset, or null. */
export function fromLocalInput(value) {
  if (!value) return null;
  const date = new Date(value); // datetime-local without an offset is read as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "1 word", "12 words". */
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

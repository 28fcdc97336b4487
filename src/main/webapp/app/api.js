// A tiny GraphQL-over-HTTP client for /graphql: every reader query is a GET that names its document
// by its SHA-256 (Apollo's automatic persisted queries), so the browser and any CDN in front can
// keep the answer; a server that does not know the hash yet gets the document once, with it.

export const ENDPOINT = '/graphql';

/** Why a request failed: kind is 'network' (no answer), 'http' (no GraphQL answer) or 'graphql' (errors). */
export class ApiError extends Error {
  constructor(kind, message, { code = null, status = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.code = code;
    this.status = status;
  }
}

const hashes = new Map();

/** The document's SHA-256 in hex, or null where the browser has no Web Crypto (plain http off localhost). */
async function sha256(text) {
  if (!globalThis.crypto || !crypto.subtle) return null;
  if (!hashes.has(text)) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    hashes.set(text, [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
  }
  return hashes.get(text);
}

async function get(params, signal) {
  let response;
  try {
    // Plain application/json: GraphQL errors then come back with HTTP 200 and an `errors` list.
    response = await fetch(`${ENDPOINT}?${params}`, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('network', 'The blog could not be reached.');
  }
  let body;
  try {
    body = await response.json();
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, { status: response.status });
  }
  return { response, body };
}

const codeOf = (error) => (error && error.extensions && error.extensions.code) || null;

/**
 * Sends one query and returns its `data`; with `partial`, returns `{ data, errors }` when some data
 * came back despite errors (a part of the page that failed).
 * Throws ApiError on a network failure, a non-GraphQL answer, or any GraphQL error.
 */
export async function gql(query, variables = {}, { signal, partial = false } = {}) {
  const params = new URLSearchParams();
  const name = /^\s*query\s+(\w+)/.exec(query);
  if (name) params.set('operationName', name[1]);
  params.set('variables', JSON.stringify(variables));
  const hash = await sha256(query);
  let answer;
  if (hash) {
    params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    answer = await get(params, signal);
    const errors = answer.body && answer.body.errors;
    if (Array.isArray(errors) && errors.some((e) => codeOf(e) === 'PERSISTED_QUERY_NOT_FOUND')) {
      params.set('query', query); // the server learns the document, and answers
      answer = await get(params, signal);
    }
  } else {
    params.set('query', query);
    answer = await get(params, signal);
  }
  const { response, body } = answer;
  const errors = body && Array.isArray(body.errors) && body.errors.length > 0 ? body.errors : null;
  const data = body && typeof body.data === 'object' ? body.data : null;
  if (errors && !(partial && data)) {
    const message = errors.map((e) => (e && e.message) || 'Unknown error').join(' ');
    throw new ApiError('graphql', message, { code: codeOf(errors[0]), status: response.status });
  }
  if (!response.ok || data === null) {
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, { status: response.status });
  }
  return partial ? { data, errors: errors || [] } : data;
}

// A tiny GraphQL-over-HTTP client for POST /graphql, plus the feature check.
import { POST_FIELDS, QUERY_FIELDS } from '/app/queries.js';

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

/**
 * Sends one GraphQL operation and returns its `data`.
 * Throws ApiError on a network failure, a non-GraphQL answer, or any GraphQL error.
 */
export async function gql(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // Plain application/json: GraphQL errors then come back with HTTP 200 and an `errors` list.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('network', 'The blog could not be reached.');
  }
  let body;
  try {
    body = await response.json();
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, {
      status: response.status,
    });
  }
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    const first = body.errors[0] || {};
    const message = body.errors.map((e) => (e && e.message) || 'Unknown error').join(' ');
    throw new ApiError('graphql', message, {
      code: (first.extensions && first.extensions.code) || null,
      status: response.status,
    });
  }
  if (!response.ok || !body || typeof body.data !== 'object' || body.data === null) {
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, {
      status: response.status,
    });
  }
  return body.data;
}

let featuresPromise = null;

const names = (fields) => new Set((fields || []).map((field) => field.name));

/**
 * Which optional parts of the schema this server has: { related, search }.
 * Asked once per page load; whatever cannot be checked counts as missing.
 */
export function features() {
  if (!featuresPromise) {
    const check = (query, pick) =>
      gql(query).then(pick, (error) => {
        console.warn('Jotter reader: feature check failed, treating the feature as missing:', error.message);
        return null;
      });
    featuresPromise = Promise.all([
      check(POST_FIELDS, (data) => names(data.__type && data.__type.fields).has('related')),
      check(QUERY_FIELDS, (data) => names(data.__schema && data.__schema.queryType && data.__schema.queryType.fields).has('search')),
    ]).then(([related, search]) => {
      if (related === null || search === null) featuresPromise = null; // ask again on the next page
      return { related: related === true, search: search === true };
    });
  }
  return featuresPromise;
}

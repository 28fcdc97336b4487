// The writing desk's GraphQL client. Staff operations are POSTs to /graphql with the session's
// bearer token (never cached); image uploads go to POST /images with the same token. Nothing here
// is private API: every call is one any third-party client of Jotter can make.

import { session } from './session.js';

export const ENDPOINT = '/graphql';

/** Why a call failed: kind 'network' (no answer), 'http' (no GraphQL answer) or 'graphql'. */
export class ApiError extends Error {
  constructor(kind, message, { code = null, status = null, fields = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

/** One POST to /graphql with the given token (or none); its data, or an ApiError. */
export async function call(query, variables, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('network', 'Jotter could not be reached. Your text is kept here; try again.');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, { status: response.status });
  }
  const errors = Array.isArray(body && body.errors) && body.errors.length > 0 ? body.errors : null;
  if (errors) {
    const first = errors[0] || {};
    const ext = first.extensions || {};
    throw new ApiError('graphql', errors.map((e) => (e && e.message) || 'Unknown error').join(' '), {
      code: ext.code || null,
      status: response.status,
      fields: ext.fields || null,
    });
  }
  if (!body || typeof body.data !== 'object' || body.data === null) {
    throw new ApiError('http', `The server answered HTTP ${response.status} without GraphQL data.`, { status: response.status });
  }
  return body.data;
}

/**
 * Runs a query or mutation as the signed-in staff user and returns its data. When the token has
 * expired (or the account was signed out elsewhere), the session asks for the password again in a
 * dialog, without leaving the page, and the call is sent once more: what is being written stays.
 */
export async function gql(query, variables = {}) {
  const token = session.token();
  try {
    return await call(query, variables, token);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && token) {
      await session.signInAgain();
      return call(query, variables, session.token());
    }
    throw err;
  }
}

/**
 * Uploads an image file (POST /images, multipart) and returns what Jotter stored:
 * { url, width, height, srcset, … }.
 */
export async function uploadImage(file) {
  const send = async () => {
    const form = new FormData();
    form.append('file', file, file.name || 'image');
    let response;
    try {
      response = await fetch('/images', { method: 'POST', headers: { Authorization: `Bearer ${session.token()}` }, body: form });
    } catch {
      throw new ApiError('network', 'The image could not be uploaded: Jotter could not be reached.');
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: reported below
    }
    if (!response.ok) {
      const error = body && Array.isArray(body.errors) ? body.errors[0] : null;
      throw new ApiError('http', (error && error.message) || `The upload failed (HTTP ${response.status}).`, {
        code: error && error.extensions ? error.extensions.code : null,
        status: response.status,
      });
    }
    return body;
  };
  try {
    return await send();
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.code === 'UNAUTHENTICATED')) {
      await session.signInAgain();
      return send();
    }
    throw err;
  }
}

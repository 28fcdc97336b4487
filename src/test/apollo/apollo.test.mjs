// Apollo Client, unmodified, with its persisted-queries link against a running Jotter.
// Usage: node apollo.test.mjs http://localhost:9181/graphql
// Prints what it checked; exits non-zero on the first failure. Called by ApolloClientIT.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';

const uri = process.argv[2];
if (!uri) throw new Error('usage: node apollo.test.mjs <graphql endpoint>');

/** Every request the client sends: method, whether it carried the document, the answer. */
const sent = [];
const recordingFetch = async (url, init = {}) => {
  const method = (init.method || 'GET').toUpperCase();
  const withQuery = method === 'GET' ? new URL(url).searchParams.has('query') : JSON.parse(init.body).query !== undefined;
  const response = await fetch(url, init);
  sent.push({ method, withQuery, status: response.status, cache: response.headers.get('cache-control') });
  return response;
};

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

function newClient() {
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
  return new ApolloClient({
    link: persisted.concat(new HttpLink({ uri, fetch: recordingFetch })),
    cache: new InMemoryCache(),
  });
}

// A document no client has sent yet (so the first hash is unknown to the server), as a post page asks.
const run = `${process.pid}-${Date.now()}`;
const POST_PAGE = gql`
  query ApolloPostPage($slug: String!) {
    post(slug: $slug) {
      title
      readingTime { label }
      primaryTag { name }
      author { name bio }
      related(first: 3) { score reasons post { slug title } }
    }
    run: __typename
  }
`;
// the alias differs per run, so the hash is new to the server every time
const PAGE = gql(POST_PAGE.loc.source.body.replace('run: __typename', `r${run.replace(/\W/g, '')}: __typename`));

const check = (name, fn) => fn().then(() => console.log(`ok - ${name}`));

await check('the first query: hash unknown, sent again with the document, answered', async () => {
  const { data, error } = await newClient().query({ query: PAGE, variables: { slug: 'twenty-minutes-to-mars' } });
  assert.equal(error, undefined);
  assert.equal(data.post.title, 'Twenty Minutes to Mars');
  assert.equal(data.post.primaryTag.name, 'Space');
  assert.equal(data.post.related.length, 3);
  assert.deepEqual(sent.map((r) => [r.method, r.withQuery]), [['GET', false], ['POST', true]]);
});

await check('another client: the hash alone over GET is enough, and the answer may be cached', async () => {
  sent.length = 0;
  const { data } = await newClient().query({ query: PAGE, variables: { slug: 'twenty-minutes-to-mars' } });
  assert.equal(data.post.author.name, 'astro');
  assert.deepEqual(sent.map((r) => [r.method, r.withQuery, r.status]), [['GET', false, 200]]);
  assert.match(sent[0].cache, /^public, max-age=\d+/);
});

await check('a list query with variables through the same link', async () => {
  sent.length = 0;
  const LIST = gql`query ApolloHome($first: Int!) { posts(first: $first) { edges { node { slug title } } } }`;
  const { data } = await newClient().query({ query: LIST, variables: { first: 4 } });
  assert.equal(data.posts.edges.length, 4);
});

await check('GraphQL errors reach the client as errors', async () => {
  const BAD = gql`query ApolloBad { posts(first: 1000) { edges { node { slug } } } }`;
  const { error } = await newClient().query({ query: BAD, errorPolicy: 'all' });
  assert.ok(error, 'an error for first: 1000');
  assert.match(error.message, /first/);
});

console.log('apollo client checks passed');

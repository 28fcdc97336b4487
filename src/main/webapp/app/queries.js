// Every GraphQL document the Jotter reader sends to /graphql, in one place.
//
// These are the same queries any third-party frontend would use: copy them freely.
// Each one is sent as a GET naming the document by its SHA-256 (see api.js), so browsers and CDNs
// cache the answers; one query per page, and never an introspection query.
// Unknown slugs come back as `null` (not as an error); errors come back as
// `{ "errors": [{ "message": ..., "extensions": { "code": ... } }] }`.

/** The topics in the site navigation, asked by every page's query (so a page is one request). */
const NAVIGATION = /* GraphQL */ `
  fragment Navigation on Query {
    topics: tags { name slug postCount }
    site: blog { title description logo navigation { label url } secondaryNavigation { label url } }
  }
`;

/** The fields a post list (home, tag, author pages) shows for each post. */
const POST_CARD = /* GraphQL */ `
  fragment PostCard on Post {
    slug
    title
    excerpt
    publishedAt
    featured
    readingTime { label }
    primaryTag { name slug }
    author { name slug }
  }
`;

/** A page of posts as a Relay connection: pass pageInfo.endCursor as $after for the next page. */
const POST_PAGE_OF_CARDS = /* GraphQL */ `
  fragment PostCardPage on PostConnection {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...PostCard } }
  }
`;

/** Home: the newest published posts. */
export const HOME_PAGE = /* GraphQL */ `
  query HomePage($first: Int!, $after: String) {
    posts(first: $first, after: $after) { ...PostCardPage }
    ...Navigation
  }
  ${NAVIGATION}
  ${POST_PAGE_OF_CARDS}
  ${POST_CARD}
`;

/** What a post page shows: the post, its author cards and "Related thinking" with the reasons. */
const POST_PAGE_FIELDS = /* GraphQL */ `
  fragment PostPageFields on Post {
    slug
    title
    subtitle
    excerpt
    html
    status
    headings { level text anchor }
    publishedAt
    readingTime { label }
    primaryTag { name slug }
    tags { name slug }
    featureImage { url alt }
    author { name slug }
    authors { name slug bio avatarUrl }
    related(first: 3) {
      score
      reasons
      sharedTags { name slug }
      post { slug title readingTime { label } primaryTag { name slug } }
    }
  }
`;

/** A post page, /p/{slug}, in one request. `post` is null for an unknown slug. */
export const POST_PAGE = /* GraphQL */ `
  query PostPage($slug: String!) {
    post(slug: $slug) { ...PostPageFields }
    ...Navigation
  }
  ${NAVIGATION}
  ${POST_PAGE_FIELDS}
`;

/**
 * A draft shown through a preview link, /preview/{token}: the post in any status. The server
 * never caches or shares the answer; a link that does not work is a FORBIDDEN error.
 */
export const PREVIEW_PAGE = /* GraphQL */ `
  query PreviewPage($token: String!) {
    post(previewToken: $token) { ...PostPageFields }
    ...Navigation
  }
  ${NAVIGATION}
  ${POST_PAGE_FIELDS}
`;

/** A tag page, /tag/{slug}. `tag` is null for an unknown (or internal) tag. */
export const TAG_PAGE = /* GraphQL */ `
  query TagPage($slug: String!, $first: Int!, $after: String) {
    tag(slug: $slug) {
      name
      slug
      description
      postCount
      posts(first: $first, after: $after) { ...PostCardPage }
    }
    ...Navigation
  }
  ${NAVIGATION}
  ${POST_PAGE_OF_CARDS}
  ${POST_CARD}
`;

/** An author page, /author/{slug}. `author` is null for an unknown author. */
export const AUTHOR_PAGE = /* GraphQL */ `
  query AuthorPage($slug: String!, $first: Int!, $after: String) {
    author(slug: $slug) {
      name
      slug
      bio
      avatarUrl
      location
      website
      postCount
      posts(first: $first, after: $after) { ...PostCardPage }
    }
    ...Navigation
  }
  ${NAVIGATION}
  ${POST_PAGE_OF_CARDS}
  ${POST_CARD}
`;

/**
 * Full-text search, /search?q=.
 * `snippet` is server-sanitized HTML with <mark> around the matches.
 */
export const SEARCH = /* GraphQL */ `
  query Search($query: String!, $first: Int!, $after: String) {
    search(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          score
          snippet
          post {
            slug
            title
            excerpt
            publishedAt
            readingTime { label }
            primaryTag { name slug }
            author { name slug }
          }
        }
      }
    }
    ...Navigation
  }
  ${NAVIGATION}
`;

/** The navigation's topics alone, for a page that asks nothing else. */
export const TAGS = /* GraphQL */ `
  query Topics {
    ...Navigation
  }
  ${NAVIGATION}
`;

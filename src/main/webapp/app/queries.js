// Every GraphQL document the Jotter reader sends to POST /graphql, in one place.
//
// These are the same queries any third-party frontend would use: copy them freely.
// Each one is sent as JSON `{ "query": ..., "variables": {...} }`.
// Unknown slugs come back as `null` (not as an error); errors come back as
// `{ "errors": [{ "message": ..., "extensions": { "code": ... } }] }`.

/** The fields a post list (home, tag, author pages) shows for each post. */
const POST_CARD = /* GraphQL */ `
  fragment PostCard on Post {
    slug
    title
    excerpt
    publishedAt
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
  }
  ${POST_PAGE_OF_CARDS}
  ${POST_CARD}
`;

/** A post page, /p/{slug}. `post` is null for an unknown slug. */
export const POST_PAGE = /* GraphQL */ `
  query PostPage($slug: String!) {
    post(slug: $slug) {
      slug
      title
      subtitle
      excerpt
      html
      headings { level text anchor }
      publishedAt
      readingTime { label }
      primaryTag { name slug }
      tags { name slug }
      featureImage { url alt }
      author { name slug }
      authors { name slug bio avatarUrl }
    }
  }
`;

/**
 * The "Related thinking" list of a post page. Only sent when the schema has Post.related
 * (see POST_FIELDS): a server without the discovery module lacks it.
 */
export const RELATED_POSTS = /* GraphQL */ `
  query RelatedPosts($slug: String!) {
    post(slug: $slug) {
      related(first: 3) {
        score
        reasons
        sharedTags { name slug }
        post { slug title readingTime { label } primaryTag { name slug } }
      }
    }
  }
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
  }
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
  }
  ${POST_PAGE_OF_CARDS}
  ${POST_CARD}
`;

/**
 * Full-text search, /search?q=. Only sent when the schema has Query.search (see QUERY_FIELDS).
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
  }
`;

/** The topics in the site navigation and in "browse by topic" lists. */
export const TAGS = /* GraphQL */ `
  query Tags {
    tags { name slug postCount }
  }
`;

/**
 * Feature check by introspection: does this server have Post.related and Query.search yet?
 * The reader shows an honest "not available yet" state for whatever is missing.
 * (Two small queries: the server refuses an introspection query that asks for `fields` twice.)
 */
export const POST_FIELDS = /* GraphQL */ `
  query PostFields {
    __type(name: "Post") { fields { name } }
  }
`;

export const QUERY_FIELDS = /* GraphQL */ `
  query QueryFields {
    __schema { queryType { fields { name } } }
  }
`;

-- wrk script for bench/soak.sh: anonymous reads a reader page makes, round robin, as POST /graphql.
local bodies = {
  '{"query":"{ posts(first: 10) { edges { cursor node { slug title excerpt publishedAt readingTime { label } primaryTag { name slug } author { name slug } } } pageInfo { hasNextPage endCursor } } }"}',
  '{"query":"query($s: String!) { post(slug: $s) { title html headings { level text anchor } readingTime { label } primaryTag { name } tags { name slug } authors { name bio avatarUrl } related(first: 3) { score reasons post { slug title } } } }","variables":{"s":"twenty-minutes-to-mars"}}',
  '{"query":"{ search(query: \\"robot hands\\", first: 10) { totalCount edges { node { snippet post { slug title } } } } }"}',
  '{"query":"{ tags { name slug postCount } }"}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, bodies[(i % #bodies) + 1])
end

package dev.jotter.content.api;

/**
 * A place in an ordered list of posts: the sort value of the last post seen and its id (the tie
 * breaker). The sort value is an ISO-8601 instant for the date orders and the title for {@link
 * PostOrder#TITLE_ASC}.
 */
public record PostPosition(PostOrder order, String sortValue, long id) {}

-- Automatic persisted queries (Apollo's protocol): documents by their SHA-256, shared by every
-- server. 'client' documents were registered by any client sending the hash with its query;
-- 'staff' ones by an editor or administrator (registerPersistedQueries) and 'reader' ones are the
-- reader pages' own: only those two run for anonymous clients in the allow-list mode.
create table persisted_query (
    hash           varchar(64)       not null primary key,
    document       varchar(1048576)  not null,
    source         varchar(10)       not null,
    registered_at  timestamp with time zone not null
);

-- The change log (a transactional outbox): what changed, appended in the transaction that changed
-- it; every consumer, on every server, keeps its position. Written for both H2 2.x and PostgreSQL.

create table change_log (
    id          bigint        not null primary key,
    kind        varchar(40)   not null,
    subject_id  bigint        not null,
    created_at  timestamp with time zone not null
);
create index change_log_created_at on change_log (created_at);

-- Ids come from this row, locked until the appending transaction ends: they grow in commit order.
create table change_log_counter (
    id       integer  not null primary key,
    last_id  bigint   not null,
    constraint change_log_counter_single check (id = 1)
);
insert into change_log_counter (id, last_id) values (1, 0);

-- Where each consumer stands, per server ('discovery@host:9080').
create table change_consumer (
    name        varchar(200)  not null primary key,
    position    bigint        not null,
    updated_at  timestamp with time zone not null,
    last_error  varchar(2000)
);

-- Related lists are written by every server that follows the log: one at a time.
insert into discovery_state (state_key, state_value) values ('related.lock', '-');

-- The token signing key pair, shared by every server (made by the first to start).
create table signing_key (
    id           integer        not null primary key,
    private_pem  varchar(4000)  not null,
    public_pem   varchar(1000)  not null,
    created_at   timestamp with time zone not null,
    constraint signing_key_single check (id = 1)
);

-- Revisions are kept by the post's version (which every server increments under the post's row
-- lock), not by id, which comes in per-server blocks.
create index post_revision_post_version on post_revision (post_id, post_version);

-- Imports from other blogs (Ghost, WordPress, Markdown): one row per uploaded file, checked (the
-- dry run) then run in the background, with its progress; and which post each imported item
-- became, so that importing the same file again finds its posts. For H2 2.x and PostgreSQL.
create table import_job (
    -- random hex: the id administrators start and follow the import by
    id           varchar(32)   not null primary key,
    format       varchar(20)   not null,
    file_name    varchar(255),
    bytes        bigint        not null,
    -- READY, RUNNING, DONE, FAILED
    state        varchar(20)   not null,
    total        integer       not null,
    done         integer       not null,
    created      integer       not null,
    updated      integer       not null,
    skipped      integer       not null,
    failed       integer       not null,
    -- the failed items, one a line: source id, tab, title, tab, reason (at most 1,000)
    errors       text          not null,
    staff_id     bigint        references staff_user (id) on delete set null,
    created_at   timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone
);

create table import_source (
    -- the format and the item's id in its file, e.g. ghost:6501c0…, wordpress:1234, markdown:a/b.md
    source       varchar(400)  not null primary key,
    post_id      bigint        not null references post (id) on delete cascade,
    imported_at  timestamp with time zone not null
);
create index import_source_post on import_source (post_id);

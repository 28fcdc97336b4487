-- Webhooks: administrators' subscriptions to the blog's events, and their deliveries. Deliveries
-- are made from the change log (one row per webhook and change, whichever server saw it first) and
-- sent by whichever server claims them, so they survive restarts and go out once. For H2 2.x and
-- PostgreSQL.
create sequence webhook_seq start with 50 increment by 50;
create sequence webhook_delivery_seq start with 50 increment by 50;

create table webhook (
    id                    bigint        not null primary key,
    name                  varchar(100)  not null,
    target_url            varchar(2000) not null,
    events                varchar(500)  not null,
    secret                varchar(100)  not null,
    active                boolean       not null,
    -- changes up to this one happened before the webhook existed: never delivered to it
    since_change_id       bigint        not null,
    consecutive_failures  integer       not null,
    disabled_reason       varchar(500),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null
);

create table webhook_delivery (
    id               bigint        not null primary key,
    webhook_id       bigint        not null references webhook (id) on delete cascade,
    -- the change it announces; null for a redelivery (which names the delivery it repeats)
    change_id        bigint,
    redelivery_of    bigint,
    -- its place in the order of its subject's deliveries: the change id (for a redelivery, the
    -- change log's head when it was asked for), as the ids come in per-server blocks
    position         bigint        not null,
    event            varchar(40)   not null,
    -- what it is about ('post:42'): deliveries about one thing are sent in order
    subject_key      varchar(60)   not null,
    payload          text          not null,
    status           varchar(12)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    -- a server sending it holds it until then; past it, another may take it over
    lease_until      timestamp with time zone,
    response_code    integer,
    duration_ms      integer,
    error            varchar(1000),
    created_at       timestamp with time zone not null,
    last_attempt_at  timestamp with time zone
);
create unique index webhook_delivery_change on webhook_delivery (webhook_id, change_id);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_subject on webhook_delivery (webhook_id, subject_key, position);
create index webhook_delivery_log on webhook_delivery (webhook_id, id);

-- Servers that follow the change log make deliveries one at a time (the first to lock this row).
create table webhook_lock (
    id        integer not null primary key,
    taken_at  timestamp with time zone,
    constraint webhook_lock_single check (id = 1)
);
insert into webhook_lock (id, taken_at) values (1, null);

-- Discovery: each post's precomputed related posts, editors' pins and exclusions, and the
-- fingerprint of the content the lists were computed from (to rebuild them when stale).

create table related_post (
    post_id          bigint           not null,
    position         integer          not null,
    related_post_id  bigint           not null,
    score            double precision not null,
    reasons          varchar(200)     not null,
    shared_tag_ids   varchar(1000)    not null,
    primary key (post_id, position)
);
create index related_post_related on related_post (related_post_id);

create table related_override (
    post_id        bigint      not null,
    other_post_id  bigint      not null,
    kind           varchar(8)  not null,
    position       integer     not null,
    primary key (post_id, other_post_id),
    constraint related_override_kind check (kind in ('PIN', 'EXCLUDE'))
);

create table discovery_state (
    state_key    varchar(64)  not null primary key,
    state_value  varchar(500) not null
);

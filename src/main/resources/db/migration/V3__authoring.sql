-- Authoring: staff accounts, post revisions, the slugs a post had before, and the trash.
-- Written for both H2 2.x and PostgreSQL.

create sequence staff_user_seq start with 50 increment by 50;
create sequence post_revision_seq start with 50 increment by 50;

-- A person who signs in to write or run the blog; each is linked to the author card readers see.
create table staff_user (
    id             bigint        not null primary key,
    email          varchar(254)  not null,
    password_hash  varchar(255)  not null,
    role           varchar(16)   not null,
    status         varchar(16)   not null,
    author_id      bigint        not null references author (id),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    last_login_at  timestamp with time zone,
    version        bigint        not null,
    constraint staff_user_email_unique unique (email),
    constraint staff_user_author_unique unique (author_id),
    constraint staff_user_role_known
        check (role in ('CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMINISTRATOR')),
    constraint staff_user_status_known check (status in ('ACTIVE', 'SUSPENDED'))
);

-- Every content save of a post: the last 50 per post are kept.
create table post_revision (
    id             bigint        not null primary key,
    post_id        bigint        not null references post (id) on delete cascade,
    post_version   bigint        not null,
    title          varchar(255)  not null,
    markdown       text          not null,
    staff_user_id  bigint        references staff_user (id) on delete set null,
    author_name    varchar(191)  not null,
    created_at     timestamp with time zone not null
);
create index post_revision_post on post_revision (post_id, id);

-- Slugs a post had before it was renamed: old links keep working.
create table post_slug_history (
    slug        varchar(191)  not null primary key,
    post_id     bigint        not null references post (id) on delete cascade,
    retired_at  timestamp with time zone not null
);
create index post_slug_history_post on post_slug_history (post_id);

-- Deleted posts wait in the trash for 30 days, restorable, before they are purged.
alter table post add column trashed_at timestamp with time zone;
alter table post drop constraint post_status_known;
alter table post add constraint post_status_known
    check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'TRASHED'));
create index post_status_updated_at on post (status, updated_at);

-- One row once the blog is claimed by its first administrator (setup): the primary key makes two
-- racing setups end with exactly one administrator.
create table blog_claim (
    id          integer  not null primary key,
    claimed_at  timestamp with time zone not null,
    constraint blog_claim_single check (id = 1)
);

-- Serialises the choice of new slugs (posts, authors, tags): two saves racing for the same name end
-- with "name" and "name-2", not with a unique-constraint violation.
create table content_lock (
    name  varchar(64)  not null primary key
);
insert into content_lock (name) values ('slugs');

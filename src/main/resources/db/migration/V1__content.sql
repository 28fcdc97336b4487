-- Jotter's content: authors, tags, posts. Written for both H2 2.x and PostgreSQL.

-- EclipseLink reads each value as the last id of a block of 50 (allocationSize): start at 50.
create sequence author_seq start with 50 increment by 50;
create sequence tag_seq start with 50 increment by 50;
create sequence post_seq start with 50 increment by 50;

create table author (
    id          bigint        not null primary key,
    slug        varchar(191)  not null,
    name        varchar(191)  not null,
    bio         varchar(500),
    avatar_url  varchar(2048),
    website     varchar(2048),
    location    varchar(191),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint author_slug_unique unique (slug)
);

create table tag (
    id           bigint        not null primary key,
    slug         varchar(191)  not null,
    name         varchar(191)  not null,
    description  varchar(500),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null,
    constraint tag_slug_unique unique (slug)
);

create table post (
    id                 bigint        not null primary key,
    slug               varchar(191)  not null,
    title              varchar(255)  not null,
    subtitle           varchar(300),
    markdown           text          not null,
    html               text          not null,
    plain_text         text          not null,
    custom_excerpt     varchar(500),
    excerpt            varchar(500)  not null,
    headings           text          not null,
    feature_image_url  varchar(2048),
    feature_image_alt  varchar(500),
    status             varchar(16)   not null,
    published_at       timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    word_count         integer       not null,
    image_count        integer       not null,
    reading_minutes    integer       not null,
    version            bigint        not null,
    constraint post_slug_unique unique (slug),
    constraint post_status_known check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED'))
);

create index post_status_published_at on post (status, published_at);

-- A post's authors in order: position 0 is the primary author.
create table post_author (
    post_id    bigint  not null references post (id) on delete cascade,
    author_id  bigint  not null references author (id),
    position   integer not null,
    primary key (post_id, position)
);
create index post_author_author on post_author (author_id);

-- A post's tags in order: the first public tag is the post's primary tag.
create table post_tag (
    post_id   bigint  not null references post (id) on delete cascade,
    tag_id    bigint  not null references tag (id),
    position  integer not null,
    primary key (post_id, position)
);
create index post_tag_tag on post_tag (tag_id);

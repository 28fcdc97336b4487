-- What a post tells search engines and link previews (each null until the author sets it; the API
-- derives a default from the title, excerpt and feature image), and Ghost's "featured" flag, which
-- frontends filter on (posts(featured: true)) to show a few posts first.
alter table post add column meta_title varchar(300);
alter table post add column meta_description varchar(500);
alter table post add column canonical_url varchar(2048);
alter table post add column og_title varchar(300);
alter table post add column og_description varchar(500);
alter table post add column og_image varchar(2048);
alter table post add column twitter_title varchar(300);
alter table post add column twitter_description varchar(500);
alter table post add column twitter_image varchar(2048);
alter table post add column featured boolean default false not null;
-- featured lists read in publication order, like every public list
create index post_featured_published_at on post (featured, status, published_at);

-- A post's authors and tags are keyed by (post, author) and (post, tag), not by (post, position):
-- reordering them (co-authors swapped, the category changed) updates each row's position in
-- turn, which a unique position refused halfway. Rebuilt rather than altered, as H2 and
-- PostgreSQL drop a primary key differently.
create table post_author_v8 (
    post_id    bigint  not null references post (id) on delete cascade,
    author_id  bigint  not null references author (id),
    position   integer not null,
    primary key (post_id, author_id)
);
insert into post_author_v8 (post_id, author_id, position)
    select post_id, author_id, position from post_author;
drop table post_author;
alter table post_author_v8 rename to post_author;
create index post_author_author on post_author (author_id);

create table post_tag_v8 (
    post_id   bigint  not null references post (id) on delete cascade,
    tag_id    bigint  not null references tag (id),
    position  integer not null,
    primary key (post_id, tag_id)
);
insert into post_tag_v8 (post_id, tag_id, position)
    select post_id, tag_id, position from post_tag;
drop table post_tag;
alter table post_tag_v8 rename to post_tag;
create index post_tag_tag on post_tag (tag_id);

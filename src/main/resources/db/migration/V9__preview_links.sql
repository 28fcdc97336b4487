-- Draft previews: a preview link is signed and carries its post's generation; revoking a post's
-- links moves the generation on, so every link made before stops working at once, on every server.
create table preview_generation (
    post_id     bigint  not null primary key references post (id) on delete cascade,
    generation  integer not null
);

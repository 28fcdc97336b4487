-- Uploaded images: one row per distinct upload (content-addressed by the SHA-256 of the bytes
-- sent), written once all of its files are stored, so a row always has its files. The API reads
-- dimensions and variants from here to give frontends width, height and srcset. For H2 2.x and
-- PostgreSQL.
create table image (
    -- the first 16 hex digits of sha256: the image's directory under /images/
    id            varchar(16)   not null primary key,
    sha256        varchar(64)   not null unique,
    -- the file name stem (lower-case letters, digits, dashes) and extension of the stored files
    name          varchar(60)   not null,
    extension     varchar(8)    not null,
    content_type  varchar(40)   not null,
    width         integer       not null,
    height        integer       not null,
    -- the widths of the resized variants, ascending, comma-separated ('' when none is smaller)
    variants      varchar(100)  not null,
    bytes         bigint        not null,
    uploaded_by   bigint        references staff_user (id) on delete set null,
    created_at    timestamp with time zone not null
);

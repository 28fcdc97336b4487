-- Hardening: sign-in throttling that holds across restarts and servers, and authoring's locks.
-- Written for both H2 2.x and PostgreSQL.

-- Rows locked (select ... for update) to serialise what must not race: 'sign-in' for the throttle,
-- 'administrators' for changes that could leave the blog without an active administrator.
create table authoring_lock (
    name  varchar(32)  not null primary key
);
insert into authoring_lock (name) values ('sign-in');
insert into authoring_lock (name) values ('administrators');

-- Failed sign-ins per email and per client address ('email:…', 'address:…'), forgotten an hour
-- after the last failure.
create table login_throttle (
    throttle_key  varchar(400)  not null primary key,
    failures      integer       not null,
    last_failure  timestamp with time zone not null
);
create index login_throttle_last_failure on login_throttle (last_failure);

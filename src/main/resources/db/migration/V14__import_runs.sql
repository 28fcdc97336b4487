-- Imports restore the images a Markdown export carries, and a job whose server stopped is found:
-- the server running a job says so every 30 seconds. For H2 2.x and PostgreSQL.
alter table import_job add column images integer default 0 not null;
alter table import_job add column images_restored integer default 0 not null;
alter table import_job add column images_failed integer default 0 not null;
-- jotter.server.id of the server running it (null until it starts)
alter table import_job add column runner varchar(200);
-- when its runner last said it was running it
alter table import_job add column heartbeat_at timestamp with time zone;
create index import_job_state on import_job (state);

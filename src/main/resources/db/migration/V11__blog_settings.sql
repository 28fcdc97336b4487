-- The blog's settings: one row. A null column was never set by an administrator: the title,
-- description and locale then come from the server's configuration (jotter.blog.*); '' was
-- cleared. The menus are JSON arrays of {"label", "url"}.
create table blog_settings (
    id                    integer       not null primary key,
    title                 varchar(600),
    description           varchar(2000),
    locale                varchar(40),
    logo                  varchar(2048),
    icon                  varchar(2048),
    cover_image           varchar(2048),
    accent_color          varchar(7),
    navigation            varchar(300000) not null,
    secondary_navigation  varchar(300000) not null,
    updated_at            timestamp with time zone,
    constraint blog_settings_one_row check (id = 1)
);
insert into blog_settings (id, navigation, secondary_navigation) values (1, '[]', '[]');

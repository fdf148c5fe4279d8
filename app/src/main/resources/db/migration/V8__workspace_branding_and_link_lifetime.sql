-- Workspace settings beside the reminder schedule: the agency's accent colour (a validated
-- #RRGGBB, null for the default) and the lifetime of invitation links in its submission and
-- reminder emails (an ISO-8601 duration, null for portal.magic-link.ttl).
alter table workspace add column brand_colour varchar(7);
alter table workspace add column magic_link_ttl varchar(40);

-- The agency's logo, at most one per workspace. It is small (the upload limit is 512 KB), so it
-- lives in the database and needs no file storage. `digest` (SHA-256 of the bytes) versions the
-- public URL, so email clients and browsers may cache it for good.
create table workspace_logo (
  workspace_id varchar(40) primary key references workspace (id) on delete cascade,
  content_type varchar(40) not null,
  content bytea not null,
  size bigint not null,
  digest varchar(64) not null,
  updated_at timestamp with time zone not null
);

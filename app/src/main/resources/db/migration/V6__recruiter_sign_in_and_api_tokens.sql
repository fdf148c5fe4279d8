-- Recruiters sign in to the console with email and password, and hold any number of API tokens.

-- A password hash in Spring Security's delegating format ("{bcrypt}…"); null until one is set,
-- so a recruiter without one can only use API tokens.
alter table recruiter add column password_hash varchar(200);
-- ADMIN or RECRUITER. The recruiters created before roles existed are their workspace's owners.
alter table recruiter add column role varchar(20) default 'ADMIN' not null;
-- Sign-in is by email, so an address names one recruiter across all workspaces.
update recruiter set email = lower(email);
create unique index recruiter_email on recruiter (email);

create table api_token (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  recruiter_id varchar(40) not null references recruiter (id),
  name varchar(100) not null,
  -- SHA-256 of the token, hex; the token is shown once when it is created and never stored.
  token_hash varchar(64) not null unique,
  created_at timestamp with time zone not null,
  revoked_at timestamp with time zone,
  version bigint default 0 not null
);
create index api_token_recruiter on api_token (recruiter_id);

insert into api_token (id, workspace_id, recruiter_id, name, token_hash, created_at)
  select id, workspace_id, id, 'First token', api_token_hash, created_at from recruiter;

alter table recruiter drop column api_token_hash;

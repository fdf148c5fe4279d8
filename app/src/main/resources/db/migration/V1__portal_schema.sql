-- Runs on H2 (in PostgreSQL mode) and on PostgreSQL: keep to the SQL both understand.

create table workspace (
  id varchar(40) primary key,
  name varchar(200) not null,
  version bigint not null,
  created_at timestamp with time zone not null
);

create table recruiter (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  name varchar(200) not null,
  email varchar(320) not null,
  -- SHA-256 of the API token, hex; the token itself is never stored.
  api_token_hash varchar(64) not null unique,
  version bigint not null,
  created_at timestamp with time zone not null
);

create table job (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  owner_id varchar(40) not null references recruiter (id),
  title varchar(200) not null,
  description text,
  requirements text,
  location varchar(200),
  client_company varchar(200),
  show_description_to_clients boolean not null,
  version bigint not null,
  created_at timestamp with time zone not null
);
create index job_workspace on job (workspace_id);

create table candidate (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  name varchar(200) not null,
  title varchar(200),
  current_company varchar(200),
  summary text,
  email varchar(320),
  phone varchar(50),
  internal_notes text,
  version bigint not null,
  created_at timestamp with time zone not null
);

create table candidate_skill (
  candidate varchar(40) not null references candidate (id),
  candidate_key integer not null,
  name varchar(100) not null,
  primary key (candidate, candidate_key)
);

create table attachment (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  candidate_id varchar(40) not null references candidate (id),
  kind varchar(20) not null,
  filename varchar(255) not null,
  content_type varchar(100) not null,
  size bigint not null,
  is_public boolean not null,
  -- RESUME uploads of one candidate count up; other kinds stay at 1.
  attachment_version integer not null,
  -- Server-generated name under the data directory; never derived from the upload.
  storage_name varchar(80) not null,
  version bigint not null,
  created_at timestamp with time zone not null
);
create index attachment_candidate on attachment (candidate_id);

create table collaborator (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  job_id varchar(40) not null references job (id),
  email varchar(320) not null,
  name varchar(200),
  status varchar(20) not null,
  version bigint not null,
  created_at timestamp with time zone not null
);
create index collaborator_job on collaborator (job_id);
create index collaborator_email on collaborator (email);

create table submission (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  job_id varchar(40) not null references job (id),
  candidate_id varchar(40) not null references candidate (id),
  recruiter_id varchar(40) not null references recruiter (id),
  message text,
  status varchar(30) not null,
  decision varchar(30),
  decided_by varchar(40),
  decision_reason text,
  decided_at timestamp with time zone,
  version bigint not null,
  created_at timestamp with time zone not null
);
create index submission_job on submission (job_id);
create index submission_workspace_status on submission (workspace_id, status);

create table submitted_attachment (
  submission varchar(40) not null references submission (id),
  attachment_id varchar(40) not null references attachment (id),
  primary key (submission, attachment_id)
);

-- A submission's history for recruiters and support. Written by activities, each under its
-- idempotency key, so a retried activity never writes a line twice.
create table submission_event (
  id varchar(40) primary key,
  submission_id varchar(40) not null references submission (id),
  type varchar(40) not null,
  actor varchar(200) not null,
  detail text,
  idempotency_key varchar(200) not null unique,
  at timestamp with time zone not null
);
create index submission_event_submission on submission_event (submission_id, at);

create table pipeline_entry (
  job_id varchar(40) not null references job (id),
  candidate_id varchar(40) not null references candidate (id),
  stage varchar(40) not null,
  updated_at timestamp with time zone not null,
  primary key (job_id, candidate_id)
);

create table job_activity (
  id varchar(40) primary key,
  job_id varchar(40) not null references job (id),
  submission_id varchar(40),
  type varchar(40) not null,
  actor varchar(200) not null,
  client_visible boolean not null,
  detail text,
  idempotency_key varchar(200) not null unique,
  at timestamp with time zone not null
);
create index job_activity_job on job_activity (job_id, at);

create table email_delivery (
  id varchar(40) primary key,
  idempotency_key varchar(200) not null unique,
  workspace_id varchar(40) not null,
  submission_id varchar(40),
  recipient varchar(320) not null,
  kind varchar(40) not null,
  subject varchar(300) not null,
  status varchar(20) not null,
  error text,
  created_at timestamp with time zone not null,
  sent_at timestamp with time zone
);
create index email_delivery_submission on email_delivery (submission_id);

-- Portal sign-in links. Only the SHA-256 of the token is kept (security.md 2).
create table login_token (
  token_hash varchar(64) primary key,
  collaborator_id varchar(40) not null references collaborator (id),
  purpose varchar(20) not null,
  -- Where the portal opens after sign-in, e.g. the submission the email was about.
  target_path varchar(300) not null,
  expires_at timestamp with time zone not null,
  created_at timestamp with time zone not null
);
create index login_token_collaborator on login_token (collaborator_id);

-- Internal notes on a candidate, written by the agency's recruiters. Never shown to clients.
create table candidate_note (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  candidate_id varchar(40) not null references candidate (id),
  recruiter_id varchar(40) not null references recruiter (id),
  -- The recruiter's name when they wrote it, as the note shows it.
  author varchar(200) not null,
  body text not null,
  version bigint not null,
  created_at timestamp with time zone not null
);
create index candidate_note_candidate on candidate_note (candidate_id, created_at);
-- The recruiter API's candidate search pages newest first.
create index candidate_workspace_created on candidate (workspace_id, created_at);

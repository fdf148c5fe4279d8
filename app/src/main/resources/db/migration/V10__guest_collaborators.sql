-- Guest collaborators: client contacts an admin adds at workspace level. A guest is a collaborator
-- on every job of their client company, current and future; the companies match in any case.
create table guest (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  email varchar(320) not null,
  name varchar(200),
  client_company varchar(200) not null,
  -- The company as jobs are matched to it: trimmed, lower case.
  company_key varchar(200) not null,
  added_by varchar(40) not null references recruiter (id),
  version bigint not null,
  created_at timestamp with time zone not null,
  constraint guest_once_per_workspace unique (workspace_id, email)
);
create index guest_company on guest (workspace_id, company_key);

-- The collaborator records a guest membership made (or brought back): removing the guest removes
-- exactly these, never a collaborator a recruiter added to the job directly.
create table guest_collaborator (
  guest_id varchar(40) not null references guest (id),
  collaborator_id varchar(40) not null references collaborator (id),
  primary key (guest_id, collaborator_id)
);
create index guest_collaborator_collaborator on guest_collaborator (collaborator_id);

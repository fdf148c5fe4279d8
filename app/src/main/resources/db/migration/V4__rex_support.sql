-- REX, the support agent: conversation memory, proposed actions awaiting a person's
-- confirmation, and escalation tickets.

-- One row per conversation, owned by whoever started it (a recruiter or a collaborator); only
-- its owner can continue it. The messages are LangChain4j's JSON of the conversation's window.
create table rex_conversation (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  owner_kind varchar(16) not null,
  owner_id varchar(40) not null,
  messages text not null,
  updated_at timestamp with time zone not null
);

-- An action REX proposed. Confirming flips PROPOSED to DONE (or FAILED) in one conditional
-- update, so a second confirmation runs nothing and answers with the first result.
create table rex_action (
  id varchar(40) primary key,
  conversation_id varchar(40) not null references rex_conversation (id),
  workspace_id varchar(40) not null references workspace (id),
  owner_kind varchar(16) not null,
  owner_id varchar(40) not null,
  kind varchar(32) not null,
  payload text not null,
  summary varchar(1000) not null,
  status varchar(16) not null,
  result text,
  confirmed_by varchar(400),
  created_at timestamp with time zone not null,
  confirmed_at timestamp with time zone
);
create index rex_action_conversation on rex_action (conversation_id);

create table support_ticket (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  job_id varchar(40),
  candidate_id varchar(40),
  client_email varchar(320),
  portal_url varchar(2000),
  error_message varchar(2000),
  browser varchar(400),
  summary varchar(2000) not null,
  urgent boolean not null,
  -- For urgent tickets: one per workspace and failing signal while it fails.
  dedupe_key varchar(200) unique,
  opened_by varchar(400) not null,
  conversation_id varchar(40),
  created_at timestamp with time zone not null
);
create index support_ticket_workspace on support_ticket (workspace_id, created_at);
create index email_delivery_recipient on email_delivery (workspace_id, recipient);

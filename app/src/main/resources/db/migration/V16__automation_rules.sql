-- Automation rules (issue 20): what a workspace wants to happen by itself after a lifecycle event,
-- and the record of every run.

create table automation_rule (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  name varchar(200) not null,
  trigger_event varchar(40) not null,
  -- {"jobId", "clientCompany", "stage", "reasonContains"}, each optional; null for none.
  conditions text,
  -- [{"type": …, …}]: secrets (a webhook's secret, a Slack URL) are stored encrypted, never in
  -- the clear, and never returned by the API.
  actions text not null,
  paused boolean default false not null,
  created_by varchar(40),
  created_at timestamp with time zone not null,
  -- A deleted rule keeps its runs for the record; it no longer fires.
  deleted_at timestamp with time zone
);
create index automation_rule_workspace on automation_rule (workspace_id, trigger_event);

-- One run per rule and lifecycle event: the unique key is what makes a rule fire once per event,
-- across Temporal's retries and restarts.
create table automation_run (
  id varchar(40) primary key,
  rule_id varchar(40) not null references automation_rule (id),
  workspace_id varchar(40) not null references workspace (id),
  event_key varchar(200) not null,
  trigger_event varchar(40) not null,
  job_id varchar(40),
  submission_id varchar(40),
  -- RUNNING, SUCCEEDED or FAILED (some action gave up).
  outcome varchar(20) not null,
  attempts integer default 0 not null,
  error text,
  created_at timestamp with time zone not null,
  finished_at timestamp with time zone,
  constraint automation_run_once unique (rule_id, event_key)
);
create index automation_run_rule on automation_run (rule_id, created_at);

-- Each action of a run: its attempts and what the receiver said.
create table automation_action_run (
  run_id varchar(40) not null references automation_run (id),
  action_index integer not null,
  action_type varchar(20) not null,
  outcome varchar(20) not null,
  attempts integer default 0 not null,
  error text,
  last_attempt_at timestamp with time zone,
  primary key (run_id, action_index)
);

-- Follow-up tasks a CREATE_TASK action gives the submitting recruiter.
create table recruiter_task (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  recruiter_id varchar(40) not null references recruiter (id),
  job_id varchar(40),
  submission_id varchar(40),
  title varchar(300) not null,
  idempotency_key varchar(200) not null unique,
  created_at timestamp with time zone not null,
  done_at timestamp with time zone
);
create index recruiter_task_recruiter on recruiter_task (recruiter_id, done_at, created_at);

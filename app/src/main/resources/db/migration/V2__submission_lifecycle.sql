-- The complete submission lifecycle: reminders, resends, withdrawals, comments, in-app
-- notifications and deals. Runs on H2 (PostgreSQL mode) and PostgreSQL.

-- A workspace may override portal.reminders.schedule (comma-separated ISO-8601 durations).
alter table workspace add column reminder_schedule varchar(200);

-- The schedule in force when the candidate was submitted; a restart keeps using it.
alter table submission add column reminder_schedule varchar(200) not null default 'P2D,P5D';
-- 1 for the submission email, one more for each resend.
alter table submission add column email_round integer not null default 1;
-- When the current round's email went out; reminder deadlines count from here.
alter table submission add column round_sent_at timestamp with time zone;
-- How many deadlines of the schedule the current round has passed.
alter table submission add column reminder_step integer not null default 0;
alter table submission add column reminders_sent integer not null default 0;
alter table submission add column recruiter_alerted boolean not null default false;
alter table submission add column decision_availability text;
alter table submission add column withdrawn_by varchar(40);
alter table submission add column withdrawn_at timestamp with time zone;
-- Set when the workflow has nothing left to do. Start-up reconciliation resumes every
-- submission without it, including a decision whose follow-ups a crash interrupted.
alter table submission add column settled_at timestamp with time zone;

update submission set round_sent_at = created_at where status <> 'SENDING';
update submission set settled_at = coalesce(decided_at, created_at)
  where status in ('APPROVED', 'REJECTED', 'WITHDRAWN');
create index submission_unsettled on submission (settled_at);

-- Client comments: the thread shows them at once; the workflow passes each one on to the
-- recruiter and stamps notified_at.
create table submission_comment (
  id varchar(40) primary key,
  submission_id varchar(40) not null references submission (id),
  collaborator_id varchar(40) not null references collaborator (id),
  author varchar(200) not null,
  body text not null,
  created_at timestamp with time zone not null,
  notified_at timestamp with time zone
);
create index submission_comment_submission on submission_comment (submission_id, created_at);

-- The recruiter's in-app inbox, beside the email notifications.
create table recruiter_notification (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  recruiter_id varchar(40) not null references recruiter (id),
  submission_id varchar(40),
  kind varchar(40) not null,
  text varchar(1000) not null,
  idempotency_key varchar(200) not null unique,
  created_at timestamp with time zone not null,
  read_at timestamp with time zone
);
create index recruiter_notification_recruiter on recruiter_notification (recruiter_id, created_at);

-- The business deal a job belongs to (at most one); decisions move its stage.
create table deal (
  id varchar(40) primary key,
  workspace_id varchar(40) not null references workspace (id),
  job_id varchar(40) not null unique references job (id),
  name varchar(200) not null,
  stage varchar(40) not null,
  version bigint not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);

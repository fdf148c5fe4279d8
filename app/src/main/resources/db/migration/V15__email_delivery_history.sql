-- Email delivery that tells the truth (issue 19). Each email to each recipient keeps its row in
-- email_delivery; what happened to it, step by step, goes to email_delivery_event.

-- The current word on the message. PENDING (an attempt under way or lost) becomes QUEUED.
update email_delivery set status = 'QUEUED' where status = 'PENDING';
alter table email_delivery alter column subject drop not null;
-- Attempts made to hand the message to the SMTP relay, and when Temporal tries again.
alter table email_delivery add column attempts integer default 0 not null;
alter table email_delivery add column next_attempt_at timestamp with time zone;
alter table email_delivery add column status_at timestamp with time zone;
-- When the attempt under way began: a second attempt at the same message (a resumed workflow beside
-- a redelivery) waits until it is over, so two never race to send it.
alter table email_delivery add column attempt_started_at timestamp with time zone;
-- The Message-ID header, the same on every attempt: SendGrid's smtp-id, and a duplicate left by a
-- crash between the relay's acceptance and our record of it collapses in the client's inbox.
alter table email_delivery add column message_id varchar(300);
-- The provider's reason for a bounce, drop or deferral ("550 5.1.1 mailbox does not exist").
alter table email_delivery add column provider_reason text;
-- What the message is built from at each attempt (its links are issued per attempt and never
-- stored): the collaborator or recruiter it goes to, and the step's own values as JSON.
alter table email_delivery add column recipient_id varchar(40);
alter table email_delivery add column params text;
update email_delivery set status_at = coalesce(sent_at, created_at);
create unique index email_delivery_message_id on email_delivery (message_id);
create index email_delivery_workspace_status on email_delivery (workspace_id, status);

create table email_delivery_event (
  id varchar(40) primary key,
  delivery_id varchar(40) not null references email_delivery (id),
  status varchar(20) not null,
  at timestamp with time zone not null,
  -- The error of a failed attempt, or the provider's reason.
  detail text
);
create index email_delivery_event_delivery on email_delivery_event (delivery_id, at);

-- An address that hard-bounced, was dropped or reported mail as spam. New mail to it waits until a
-- recruiter confirms or corrects the address.
create table email_address_flag (
  workspace_id varchar(40) not null references workspace (id),
  address varchar(320) not null,
  status varchar(20) not null,
  reason text,
  delivery_id varchar(40) references email_delivery (id),
  flagged_at timestamp with time zone not null,
  primary key (workspace_id, address)
);

-- SendGrid's event IDs already applied: a replayed batch changes nothing.
create table sendgrid_event (
  sg_event_id varchar(100) primary key,
  received_at timestamp with time zone not null
);
create index sendgrid_event_received on sendgrid_event (received_at);

-- The client hears of the recruiter's replies by email, digested like the client's comments are
-- for the recruiter. A reply's batch and when its email was recorded; null for client comments.
alter table submission_comment add column client_digest_batch varchar(40);
alter table submission_comment add column client_emailed_at timestamp with time zone;
-- Replies written before this change were seen in the portal already: nobody is owed an email.
update submission_comment set client_emailed_at = created_at where recruiter_id is not null;
create index submission_comment_client_digest on submission_comment (client_digest_batch);

-- The portal shows the recruiter's first message and each update, not only the latest.
alter table submission add column first_message text;
update submission set first_message = message;

-- Each resend of a submission, as its client sees it: the new message, if any, and whether the
-- files changed.
create table submission_update (
  submission_id varchar(40) not null references submission (id),
  round integer not null,
  message text,
  files_changed boolean not null,
  actor varchar(200) not null,
  at timestamp with time zone not null,
  primary key (submission_id, round)
);
insert into submission_update (submission_id, round, message, files_changed, actor, at)
  select submission_id, 1 + row_number() over (partition by submission_id order by at, id),
         null, detail like '%updated files%', actor, at
    from submission_event
   where type = 'RESENT';

-- A recruiter's reply to the client sits in the same thread as the client's comments; it has no
-- collaborator, and nothing to pass on to the recruiter.
alter table submission_comment alter column collaborator_id drop not null;
alter table submission_comment add column recruiter_id varchar(40) references recruiter (id);

-- A link whose collaborator was removed says "revoked" rather than "unknown".
alter table login_token add column revoked_at timestamp with time zone;

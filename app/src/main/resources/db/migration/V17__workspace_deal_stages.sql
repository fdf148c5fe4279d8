-- Where a client's decision moves the job's connected deal, per workspace (issue 20). Null follows
-- the default (interview -> INTERVIEWING, approval -> CANDIDATE_APPROVED); LEAVE leaves the deal
-- where it is.
alter table workspace add column deal_stage_on_interview varchar(40);
alter table workspace add column deal_stage_on_approval varchar(40);

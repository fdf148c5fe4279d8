-- Issuing a link no longer revokes the collaborator's other links (security.md line 5), so a
-- client with five submission emails can open any of them. A used link is kept, marked, until it
-- expires: its owner, still signed in, who opens it again lands in the portal instead of an error.
alter table login_token add column used_at timestamp with time zone;
-- The email a link was issued for (the delivery's idempotency key). A retried send replaces the
-- link of its failed attempt, so one email never leaves two working links behind.
alter table login_token add column issued_for varchar(200);
create index login_token_issued_for on login_token (issued_for);
create index login_token_expires on login_token (expires_at);

-- Comments reach the recruiter in digests (CommentDigestWorkflow): the batch of the digest email
-- that carries the comment, claimed before it is sent, so a retry sends the same batch.
alter table submission_comment add column digest_batch varchar(40);
create index submission_comment_digest_batch on submission_comment (digest_batch);

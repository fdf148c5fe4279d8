-- Limits and counters that several app instances on one PostgreSQL database must share
-- (issue 18). The embedded default (H2) keeps them in memory and leaves these tables empty.

-- Bucket4j's token buckets (its PostgreSQL proxy manager, select-for-update flavour). The ID is
-- the limit's name and a SHA-256 of the key, never the email address or IP itself. expires_at
-- (epoch milliseconds) is when the bucket will have refilled to full: from then on it is the
-- same as no bucket, and the periodic clean-up deletes it.
create table rate_limit_bucket (
  id varchar(100) primary key,
  state bytea,
  expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- REX's health signals: each instance counts in memory and adds its counts here every few
-- seconds, one row per instance, signal and minute (epoch_minute: minutes since the epoch);
-- readings sum the rows of the last 15 minutes. Older rows are deleted by the same flush.
create table health_signal_count (
  instance_id varchar(40) not null,
  signal varchar(32) not null,
  epoch_minute bigint not null,
  attempts bigint not null,
  failures bigint not null,
  primary key (instance_id, signal, epoch_minute)
);
create index health_signal_count_minute on health_signal_count (epoch_minute);

-- Rows that start-up work locks (select ... for update) before it checks whether it still has to
-- run: when several instances start at once on one database, the first takes the lock and does the
-- work, the others wait for its commit and then find it done. A row lock, unlike
-- pg_advisory_xact_lock, works alike on PostgreSQL and on H2.
create table start_up_lock (
  name varchar(64) primary key
);
-- The first workspace (portal.bootstrap.token or the demo data): created once, and the demo
-- submission's email sent once.
insert into start_up_lock (name) values ('first-workspace');

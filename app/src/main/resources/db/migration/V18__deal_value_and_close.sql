-- A deal connects a job to revenue: what it is worth and when it is expected to close. Both are
-- optional; deals connected before this change have neither.
alter table deal add column value_amount numeric(14, 2);
alter table deal add column currency varchar(3);
alter table deal add column expected_close date;

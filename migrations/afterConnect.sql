-- Flyway SQL callback, run on every connection Flyway opens: a migration that cannot get its lock within 5 s fails
-- instead of queueing the application's queries behind it. Retry the deploy when the table is quieter.
SET lock_timeout = '5s';

-- Flyway SQL callback, run before every migration on its connection: a migration that cannot get a lock within 5 s
-- fails instead of queueing the application's queries behind it; retry the deploy when the table is quieter.
-- Index migrations built CONCURRENTLY keep it too: their build waits at most this long for older transactions.
SET lock_timeout = '5s';
-- The notices of IF NOT EXISTS guards ("column ... already exists, skipping") are what adopting a database that
-- Hibernate or the backend already shaped is expected to produce; Flyway would log each as a warning.
SET client_min_messages = warning;

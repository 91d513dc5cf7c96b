-- Leads of a workspace by status, active or archived (design: Indexing, "status filtering", (status,
-- archived_at)).
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. CONCURRENTLY waits for transactions older than itself without blocking anyone, so
-- this migration lifts the session's lock_timeout (beforeEachMigrate.sql sets it again for the next migration).
-- If the build fails, Postgres leaves an INVALID index of this name that IF NOT EXISTS would then skip: drop it
-- with DROP INDEX CONCURRENTLY before running the migration again.

SET lock_timeout = 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_workspace_id_status_idx
    ON leads (workspace_id, status, archived_at)
    WHERE deleted_at IS NULL;

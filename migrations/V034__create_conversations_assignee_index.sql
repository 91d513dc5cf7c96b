-- An agent's own inbox ("mine", or any one assignee), in the inbox's order (design: Indexing, "assignment
-- filters", (assigned_to_user_id, archived_at)).
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. CONCURRENTLY waits for transactions older than itself without blocking anyone, so
-- this migration lifts the session's lock_timeout (beforeEachMigrate.sql sets it again for the next migration).
-- If the build fails, Postgres leaves an INVALID index of this name that IF NOT EXISTS would then skip: drop it
-- with DROP INDEX CONCURRENTLY before running the migration again.

SET lock_timeout = 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS conversations_assignee_idx
    ON conversations (assigned_to_user_id, (coalesce(last_message_at, created_at)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;

-- The default inbox: a workspace's active conversations, most recent activity first (design: Indexing, "inbox
-- queries", "archive exclusion", (workspace_id, archived_at)). Partial on the active rows and ordered like the
-- query's keyset (activity time, then id, both descending), so any page is an index range scan with no sort.
-- Activity is the last message's time, or the creation time for a conversation without messages.
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. CONCURRENTLY waits for transactions older than itself without blocking anyone, so
-- this migration lifts the session's lock_timeout (beforeEachMigrate.sql sets it again for the next migration).
-- If the build fails, Postgres leaves an INVALID index of this name that IF NOT EXISTS would then skip: drop it
-- with DROP INDEX CONCURRENTLY before running the migration again.

SET lock_timeout = 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS conversations_inbox_idx
    ON conversations (workspace_id, (coalesce(last_message_at, created_at)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;

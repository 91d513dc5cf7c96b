-- idx_conversations_tab_counts: the inbox's tab counts and unread badge in one index-only scan: a business's active
-- conversations with the columns the counts read (assignee, both intent columns, unread count) carried in the
-- index, so counting 100,000 conversations reads the index, not the table (where the visibility map allows).
-- Built CONCURRENTLY, so reads and writes of conversations go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. The session's lock_timeout (beforeEachMigrate.sql) stays in force: the build waits at
-- most that long for older transactions, then fails instead of queueing the application behind it.
--
-- A build that was interrupted (a killed server or migrate, a failed statement) leaves an INVALID index of this
-- name, which IF NOT EXISTS would take for done. The first block drops such a leftover (a plain DROP of an invalid
-- index: catalog work only, no scan) so the build runs again; the last block fails the migration if the index is
-- not valid at the end, so it is never recorded as applied. inboop-db migrate then retries it by itself; with
-- Flyway's own tools, run flyway repair first.
-- inboop:approve IB206 drops only an INVALID leftover of this migration's own interrupted build; then checks the result
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_tab_counts') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_conversations_tab_counts;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_conversations_tab_counts
    ON conversations (business_id) INCLUDE (assigned_to_user_id, intent_label_enum, intent_label, unread_count)
    WHERE archived_at IS NULL AND deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_tab_counts') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_conversations_tab_counts is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

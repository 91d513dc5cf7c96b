-- idx_conversations_inbox_intent: the inbox filtered by intent label (domain: the inbox's intent filter), in the
-- inbox's keyset order, on the label a conversation has: its typed column, else what its legacy column means
-- (inboop_intent_label, V043), so that rows nobody wrote since V043 are found without a job run. The query layer
-- filters on this very expression; a page reads its own rows and no others, instead of reading the inbox in order
-- and skipping every conversation of another label (the planner has no statistics on the expression otherwise, and
-- chose to sort a large workspace's matches).
-- Built CONCURRENTLY, so reads and writes of conversations go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. The session's lock_timeout (beforeEachMigrate.sql) stays in force: the build waits at
-- most that long for older transactions, then fails instead of queueing the application behind it.
--
-- A build that was interrupted (a killed server or migrate, a failed statement) leaves an INVALID index of this
-- name, which IF NOT EXISTS would take for done. The first block drops such a leftover (a plain DROP of an invalid
-- index: catalog work only, no scan) so the build runs again; the last block fails the migration if the index is
-- not valid at the end, so it is never recorded as applied. inboop-db's migrate then retries it by itself (with the
-- Flyway command line or Maven plugin: repair, then migrate again).
-- inboop:approve IB206 drops only an INVALID leftover of this migration's own interrupted build; then checks the result
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_inbox_intent') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_conversations_inbox_intent;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_conversations_inbox_intent
    ON conversations (business_id, (coalesce(intent_label_enum, inboop_intent_label(intent_label))),
                      (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_inbox_intent') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_conversations_inbox_intent is not valid after its build'
            USING HINT = 'Another session may be building it; run flyway repair, then migrate again.';
    END IF;
END
$$;

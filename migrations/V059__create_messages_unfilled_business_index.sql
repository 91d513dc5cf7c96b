-- idx_messages_unfilled_business: the messages whose business_id (V054) is not filled yet, written before V055's
-- trigger, until the message-businesses job fills them. The inbox's search looks there too, so that it stays
-- complete while the job runs; once the job is done the index is empty and that look costs nothing. Partial, so it
-- holds only those rows.
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. The session's lock_timeout (beforeEachMigrate.sql) stays in force: the build waits at
-- most that long for older transactions, then fails instead of queueing the application behind it.
--
-- A build that was interrupted leaves an INVALID index of this name, which IF NOT EXISTS would take for done. The
-- first block drops such a leftover (catalog work only, no scan) so the build runs again; the last block fails the
-- migration if the index is not valid at the end, so it is never recorded as applied (inboop-db migrate retries it;
-- with Flyway's own tools, run flyway repair first).
-- inboop:approve IB206 drops only an INVALID leftover of this migration's own interrupted build; then checks the result
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_messages_unfilled_business') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_messages_unfilled_business;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_unfilled_business
    ON messages (conversation_id) WHERE business_id IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_messages_unfilled_business') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_messages_unfilled_business is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

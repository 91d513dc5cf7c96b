-- idx_messages_business_search: the inbox's search over message content, scoped to the caller's businesses by the
-- index itself: one GIN index holds business_id (btree_gin, V057) beside the text's trigrams (pg_trgm, V029), and
-- Postgres intersects the business's entries with the term's, so a term common in other workspaces costs this
-- workspace's matches only (idx_messages_search, V031, finds every workspace's first). The query compares
-- business_id with bigint values: btree_gin's operator classes hold no cross-type operators, and an int4 literal
-- would leave the business out of the index condition.
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_messages_business_search') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_messages_business_search;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_business_search
    ON messages USING gin (business_id, original_text gin_trgm_ops);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_messages_business_search') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_messages_business_search is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

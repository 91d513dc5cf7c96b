-- idx_conversations_business_search: the inbox's search over customer names and handles, scoped to the caller's
-- businesses by the index (business_id beside the trigrams of V030's expression, btree_gin V057), so that a name
-- common in other workspaces costs this workspace's matches only. The expression is V030's, written the same way:
-- the planner uses an expression index only for the same expression.
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_business_search') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_conversations_business_search;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_conversations_business_search
    ON conversations USING gin (business_id, (coalesce(customer_name, '') || ' ' || coalesce(customer_handle, '')) gin_trgm_ops);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_conversations_business_search') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_conversations_business_search is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

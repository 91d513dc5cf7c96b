-- idx_leads_search: the leads list's text search over the customer's name and the notes (domain: the three list
-- surfaces), a trigram GIN index (pg_trgm, V029) on both in one expression, the query's (LeadFilter) character for
-- character.
-- Not partial: the planner reads the statistics of an index's expression only for a non-partial index, and with
-- them it tells a rare term (found through this index) from a common one (found by reading the list in order);
-- the queries leave out soft-deleted rows themselves.
-- Built CONCURRENTLY, so reads and writes of leads go on while it builds; that cannot run in a transaction, hence the
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_search') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_leads_search;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_search
    ON leads USING gin ((coalesce(customer_name, '') || ' ' || coalesce(notes, '')) gin_trgm_ops);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_search') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_leads_search is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

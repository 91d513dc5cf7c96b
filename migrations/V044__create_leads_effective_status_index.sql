-- idx_leads_list_status: the leads list filtered by status, in the list's keyset order, on the status a lead has:
-- its typed column, else what its legacy column means (inboop_lead_status, V041). Since V041 every written row has
-- the two in agreement; a row nobody wrote since (production's rows until the lead-status job has run) still has
-- its typed column NULL, and is found here all the same, with no job run. The query layer filters on this very
-- expression (the planner uses an expression index only for the same expression). It supersedes
-- idx_leads_status_enum (V024) for the list; dropping that one needs approval (design rule 5), so it stays.
-- Built CONCURRENTLY, so reads and writes of leads go on while it builds; that cannot run in a transaction, hence the
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_status') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_leads_list_status;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_list_status
    ON leads (business_id, (coalesce(status_enum, inboop_lead_status(status))),
              (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_status') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_leads_list_status is not valid after its build'
            USING HINT = 'Another session may be building it; run flyway repair, then migrate again.';
    END IF;
END
$$;

-- idx_leads_list_assignee: one agent's leads, newest first. A lead's assignee is the design's column, else the
-- backend's older assigned_to (Assignable.LEAD): the index holds that very expression after business_id, then the
-- list's keyset order, so the page is an index range scan without a sort under any plan. V025's index
-- (assigned_to_user_id, archived_at) serves neither the expression nor the order.
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_assignee') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_leads_list_assignee;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_list_assignee
    ON leads (business_id, (coalesce(assigned_to_user_id, assigned_to)), (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_assignee') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_leads_list_assignee is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

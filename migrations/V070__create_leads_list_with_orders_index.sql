-- idx_leads_list_with_orders: the leads list filtered to leads with orders ("has orders", domain: leads), in the
-- list's order (idx_leads_list's key): the leads whose count (V067) says they have an order, and those not counted
-- yet, which the query checks against the orders themselves. Once the lead-order-counts job is done it holds only
-- leads with orders, so every page of the filter, the last included, reads about a page of rows.
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_with_orders') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_leads_list_with_orders;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_list_with_orders
    ON leads (business_id, (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL AND (order_count > 0 OR order_count IS NULL);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_leads_list_with_orders') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_leads_list_with_orders is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

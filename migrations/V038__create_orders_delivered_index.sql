-- idx_orders_delivered: the orders list filtered by delivery date (domain: "created or delivered date range"). The
-- list is sorted by creation, so a delivery range picks rows from anywhere in it: with this index the planner can
-- read the range's orders directly and sort them, instead of reading the list until a page of them turns up.
-- Built CONCURRENTLY, so reads and writes of orders go on while it builds; that cannot run in a transaction, hence the
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_orders_delivered') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_orders_delivered;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_delivered
    ON orders (business_id, delivered_at)
    WHERE deleted_at IS NULL AND delivered_at IS NOT NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_orders_delivered') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_orders_delivered is not valid after its build'
            USING HINT = 'Another session may be building it; run inboop-db migrate again (or flyway repair, then migrate).';
    END IF;
END
$$;

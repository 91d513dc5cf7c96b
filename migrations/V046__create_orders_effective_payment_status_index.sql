-- idx_orders_list_payment_status: the orders list filtered by payment status, in the list's keyset order, on the
-- payment status an order has: its typed column, else what its legacy columns mean (inboop_payment_status, V042),
-- so that rows nobody wrote since V042 and the payment-status job has not reached yet are found too. The query layer
-- filters on this very expression. It supersedes idx_orders_payment_status_enum (V028) for the list; that one stays.
-- Built CONCURRENTLY, so reads and writes of orders go on while it builds; that cannot run in a transaction, hence the
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
    IF EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_orders_list_payment_status') AND NOT x.indisvalid) THEN
        DROP INDEX public.idx_orders_list_payment_status;
    END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_list_payment_status
    ON orders (business_id, (coalesce(payment_status_enum, inboop_payment_status(payment_status, status))),
               (coalesce(created_at, order_date)) DESC, id DESC)
    WHERE deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass('public.idx_orders_list_payment_status') AND x.indisvalid) THEN
        RAISE EXCEPTION 'index idx_orders_list_payment_status is not valid after its build'
            USING HINT = 'Another session may be building it; run flyway repair, then migrate again.';
    END IF;
END
$$;

-- Orders of a workspace by payment status, which is filtered on its own (design: Orders, "order status and
-- payment status must remain independent"; Indexing, "status filtering").
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. CONCURRENTLY waits for transactions older than itself without blocking anyone, so
-- this migration lifts the session's lock_timeout (beforeEachMigrate.sql sets it again for the next migration).
-- If the build fails, Postgres leaves an INVALID index of this name that IF NOT EXISTS would then skip: drop it
-- with DROP INDEX CONCURRENTLY before running the migration again.

SET lock_timeout = 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_workspace_id_payment_status_idx
    ON orders (workspace_id, payment_status, archived_at)
    WHERE deleted_at IS NULL;

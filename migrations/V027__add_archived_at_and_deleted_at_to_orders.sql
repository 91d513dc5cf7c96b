-- orders.archived_at, deleted_at: the soft lifecycle of an order (design: Orders). NULL means neither.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS archived_at timestamptz,
    ADD COLUMN IF NOT EXISTS deleted_at timestamptz;

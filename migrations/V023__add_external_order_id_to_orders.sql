-- orders.external_order_id: the order's id in the seller's shop system, if any (design: Orders).
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS external_order_id text;

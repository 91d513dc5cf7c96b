-- orders.assigned_to_user_id: the agent handling the order; NULL is unassigned (design: Orders).
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.
-- The foreign key is for identity only (no cascade) and added NOT VALID: existing rows are not scanned under the
-- lock; a later migration validates it without blocking writes.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS assigned_to_user_id bigint;

ALTER TABLE orders
    ADD CONSTRAINT orders_assigned_to_user_id_fkey FOREIGN KEY (assigned_to_user_id) REFERENCES users (id) NOT VALID;

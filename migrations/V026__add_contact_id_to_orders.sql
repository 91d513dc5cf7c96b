-- orders.contact_id: the customer who ordered (design: Contacts, "referenced optionally by Conversations and
-- Orders").
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.
-- The foreign key is for identity only (no cascade) and added NOT VALID: existing rows are not scanned under the
-- lock; a later migration validates it without blocking writes.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS contact_id bigint;

ALTER TABLE orders
    ADD CONSTRAINT orders_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts (id) NOT VALID;

-- Validates the foreign keys that V025..V026 added NOT VALID to orders. VALIDATE CONSTRAINT scans the table
-- holding only SHARE UPDATE EXCLUSIVE (reads and writes go on) and a ROW SHARE lock on the referenced table.

ALTER TABLE orders VALIDATE CONSTRAINT orders_assigned_to_user_id_fkey;
ALTER TABLE orders VALIDATE CONSTRAINT orders_contact_id_fkey;

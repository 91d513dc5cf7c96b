-- Validates the foreign keys that V019..V020 added NOT VALID to leads. VALIDATE CONSTRAINT scans the table
-- holding only SHARE UPDATE EXCLUSIVE (reads and writes go on) and a ROW SHARE lock on the referenced table.

ALTER TABLE leads VALIDATE CONSTRAINT leads_created_by_fkey;
ALTER TABLE leads VALIDATE CONSTRAINT leads_assigned_to_user_id_fkey;

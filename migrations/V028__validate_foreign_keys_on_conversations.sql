-- Validates the foreign keys that V007..V008 added NOT VALID to conversations. VALIDATE CONSTRAINT scans the table
-- holding only SHARE UPDATE EXCLUSIVE (reads and writes go on) and a ROW SHARE lock on the referenced table.

ALTER TABLE conversations VALIDATE CONSTRAINT conversations_contact_id_fkey;
ALTER TABLE conversations VALIDATE CONSTRAINT conversations_assigned_to_user_id_fkey;

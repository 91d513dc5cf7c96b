-- Validates V017's foreign key. VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE: reads and writes of leads go on
-- while it checks the existing rows (all NULL until the backfill runs, so the check finds nothing to look up).

ALTER TABLE leads VALIDATE CONSTRAINT leads_assigned_to_user_id_fkey;

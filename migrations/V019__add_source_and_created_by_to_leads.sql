-- leads.source, created_by: where a lead came from (design: Leads). source is e.g. 'INSTAGRAM_DM', 'WHATSAPP',
-- 'MANUAL', 'INTENT_CLASSIFIER' (text: sources grow with integrations); created_by is the user who created it,
-- NULL when it was created automatically.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.
-- The foreign key is for identity only (no cascade) and added NOT VALID: existing rows are not scanned under the
-- lock; a later migration validates it without blocking writes.

ALTER TABLE leads
    ADD COLUMN IF NOT EXISTS source text,
    ADD COLUMN IF NOT EXISTS created_by bigint;

ALTER TABLE leads
    ADD CONSTRAINT leads_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) NOT VALID;

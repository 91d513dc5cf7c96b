-- leads.status (design: Leads). NULL on existing rows until a separate backfill sets them to NEW; no default, so
-- the backfill can tell rows it has not seen from rows an agent already moved.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE leads
    ADD COLUMN IF NOT EXISTS status lead_status;

ALTER TABLE widgets ADD COLUMN archived_at timestamptz;

ALTER TABLE teams ADD COLUMN archived_at timestamptz;

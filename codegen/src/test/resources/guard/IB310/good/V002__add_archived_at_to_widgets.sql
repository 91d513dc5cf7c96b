ALTER TABLE widgets ADD COLUMN archived_at timestamptz;

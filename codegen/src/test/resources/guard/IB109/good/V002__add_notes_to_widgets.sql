-- Adds notes to widgets.
ALTER TABLE widgets ADD COLUMN IF NOT EXISTS notes text;

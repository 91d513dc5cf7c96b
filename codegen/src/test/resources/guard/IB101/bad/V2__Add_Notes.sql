ALTER TABLE widgets ADD COLUMN notes text;

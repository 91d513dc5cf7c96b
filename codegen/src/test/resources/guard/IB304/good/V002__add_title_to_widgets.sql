ALTER TABLE widgets ADD COLUMN title text;

ALTER TABLE widgets ADD COLUMN weight integer;

ALTER TABLE widgets ADD COLUMN weight integer;
ALTER TABLE widgets ALTER COLUMN weight SET NOT NULL;

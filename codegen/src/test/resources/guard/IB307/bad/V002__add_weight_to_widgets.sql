ALTER TABLE widgets ADD COLUMN weight integer NOT NULL;

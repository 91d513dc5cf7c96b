ALTER TABLE widgets ADD COLUMN weight integer;
ALTER TABLE widgets ADD COLUMN maker_id bigint REFERENCES makers (id);

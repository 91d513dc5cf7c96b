ALTER TABLE widgets ADD COLUMN size_bigint bigint;

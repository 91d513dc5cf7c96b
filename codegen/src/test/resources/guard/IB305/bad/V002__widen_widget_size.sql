ALTER TABLE widgets ALTER COLUMN size TYPE bigint;

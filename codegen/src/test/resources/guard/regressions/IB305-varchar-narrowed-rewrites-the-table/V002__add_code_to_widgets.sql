ALTER TABLE widgets ADD COLUMN code varchar(80);

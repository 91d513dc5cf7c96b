-- Postgres keeps the values as they are for a longer varchar or text: no rewrite, no scan (issue #27, item 4).
ALTER TABLE widgets ALTER COLUMN code TYPE varchar(80);

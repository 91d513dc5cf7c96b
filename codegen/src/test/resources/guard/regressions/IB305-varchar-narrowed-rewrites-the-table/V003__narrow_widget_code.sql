-- Shorter: every value must be checked against the new length, and Postgres rewrites the table to do it.
ALTER TABLE widgets ALTER COLUMN code TYPE varchar(20);

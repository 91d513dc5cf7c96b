ALTER TABLE widgets ALTER COLUMN label TYPE varchar;

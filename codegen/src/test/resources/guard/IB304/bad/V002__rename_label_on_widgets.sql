ALTER TABLE widgets RENAME COLUMN label TO title;

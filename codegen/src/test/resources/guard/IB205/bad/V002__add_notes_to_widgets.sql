ALTER TABLE widgets ADD COLUMN notes text;

UPDATE widgets SET notes = label;

ALTER TABLE teams RENAME TO squads;

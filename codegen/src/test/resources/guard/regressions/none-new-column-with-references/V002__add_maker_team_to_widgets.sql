ALTER TABLE widgets ADD COLUMN maker_team_id bigint REFERENCES teams (id);

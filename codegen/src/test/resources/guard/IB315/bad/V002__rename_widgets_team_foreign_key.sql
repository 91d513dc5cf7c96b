ALTER TABLE widgets RENAME CONSTRAINT widgets_team_id_fkey TO widgets_team_fk;

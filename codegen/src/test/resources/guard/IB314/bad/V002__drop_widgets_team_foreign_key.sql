ALTER TABLE widgets DROP CONSTRAINT widgets_team_id_fkey;

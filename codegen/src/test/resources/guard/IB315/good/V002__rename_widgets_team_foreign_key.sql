-- inboop:approve IB315 nothing matches on the old name; approved in INB-54
ALTER TABLE widgets RENAME CONSTRAINT widgets_team_id_fkey TO widgets_team_fk;

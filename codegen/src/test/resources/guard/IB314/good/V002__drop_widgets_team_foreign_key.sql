-- inboop:approve IB314 teams are now optional and may be deleted; approved in INB-53
ALTER TABLE widgets DROP CONSTRAINT widgets_team_id_fkey;

-- inboop:approve IB309 parts go with their team; approved in INB-55
CREATE TABLE parts (
    id      bigint PRIMARY KEY,
    team_id bigint REFERENCES teams (id) ON DELETE CASCADE
);

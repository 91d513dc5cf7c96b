ALTER TABLE widgets ADD COLUMN owner_id bigint;

ALTER TABLE widgets
    ADD CONSTRAINT widgets_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES teams (id);

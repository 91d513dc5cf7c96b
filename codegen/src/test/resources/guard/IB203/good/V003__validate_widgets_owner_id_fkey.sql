ALTER TABLE widgets VALIDATE CONSTRAINT widgets_owner_id_fkey;

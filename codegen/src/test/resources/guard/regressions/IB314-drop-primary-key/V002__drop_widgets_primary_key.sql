ALTER TABLE widgets DROP CONSTRAINT widgets_pkey;

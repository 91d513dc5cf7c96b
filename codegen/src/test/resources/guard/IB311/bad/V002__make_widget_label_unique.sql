ALTER TABLE widgets ADD CONSTRAINT widgets_label_key UNIQUE (label);

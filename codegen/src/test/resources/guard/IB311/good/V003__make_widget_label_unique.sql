ALTER TABLE widgets ADD CONSTRAINT widgets_label_key UNIQUE USING INDEX widgets_label_key;

CREATE INDEX widgets_size_idx ON widgets (size);

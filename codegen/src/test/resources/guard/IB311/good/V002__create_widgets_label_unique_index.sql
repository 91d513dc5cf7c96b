CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS widgets_label_key ON widgets (label);

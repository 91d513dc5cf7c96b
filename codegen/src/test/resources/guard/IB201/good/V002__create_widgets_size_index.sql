CREATE INDEX CONCURRENTLY IF NOT EXISTS widgets_size_idx ON widgets (size);

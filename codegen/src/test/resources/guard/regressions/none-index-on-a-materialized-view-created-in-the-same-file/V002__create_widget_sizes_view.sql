-- A materialized view created in this file is as new as a table created here: its index locks nobody out
-- (issue #27, item 5: marquez-style histories were told it was an existing table).
CREATE MATERIALIZED VIEW widget_sizes AS SELECT id, size FROM widgets;
CREATE INDEX widget_sizes_size_idx ON widget_sizes (size);

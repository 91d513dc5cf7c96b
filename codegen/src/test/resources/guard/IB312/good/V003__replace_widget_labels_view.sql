DROP VIEW IF EXISTS widget_labels;
CREATE VIEW widget_labels AS SELECT id, label, size FROM widgets;

CREATE VIEW widget_labels AS SELECT id, label FROM widgets;

DROP VIEW widget_labels;

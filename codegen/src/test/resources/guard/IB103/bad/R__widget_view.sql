CREATE OR REPLACE VIEW widget_labels AS SELECT label FROM widgets;

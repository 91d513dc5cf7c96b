ALTER VIEW widget_labels RENAME TO widget_names;

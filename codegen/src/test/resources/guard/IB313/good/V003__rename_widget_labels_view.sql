-- inboop:approve IB313 no reader left of the old name (checked in pg_stat_statements); approved in INB-52
ALTER VIEW widget_labels RENAME TO widget_names;

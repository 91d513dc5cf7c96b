CREATE MATERIALIZED VIEW widget_counts AS SELECT team_id, count(*) AS widgets FROM widgets GROUP BY team_id;

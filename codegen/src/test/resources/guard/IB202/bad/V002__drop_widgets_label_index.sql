DROP INDEX widgets_label_idx;

ALTER TABLE widgets
    ADD CONSTRAINT widgets_label_not_null CHECK (label IS NOT NULL) NOT VALID;

CREATE PROCEDURE widgets_fill_labels() LANGUAGE sql AS $$
    UPDATE widgets SET label = 'unnamed' WHERE label IS NULL
$$;
CALL widgets_fill_labels();

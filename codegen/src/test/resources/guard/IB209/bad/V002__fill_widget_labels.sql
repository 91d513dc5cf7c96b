CREATE FUNCTION widgets_fill_labels() RETURNS void LANGUAGE sql AS $$
    UPDATE widgets SET label = 'unnamed' WHERE label IS NULL
$$;
SELECT widgets_fill_labels();

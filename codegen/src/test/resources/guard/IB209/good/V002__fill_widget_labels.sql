CREATE FUNCTION widgets_fill_labels() RETURNS void LANGUAGE sql AS $$
    UPDATE widgets SET label = 'unnamed' WHERE label IS NULL
$$;
-- inboop:approve IB209 widgets has 40 rows in production; approved in INB-51
SELECT widgets_fill_labels();

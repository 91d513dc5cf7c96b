DO $$
BEGIN
    IF to_regtype('shape') IS NULL THEN
        CREATE TYPE shape AS ENUM ('ROUND', 'SQUARE');
    END IF;
END
$$;

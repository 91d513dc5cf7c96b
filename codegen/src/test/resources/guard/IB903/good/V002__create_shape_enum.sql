-- inboop:approve IB206 Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('shape') IS NULL THEN
        CREATE TYPE shape AS ENUM ('ROUND', 'SQUARE');
    END IF;
END
$$;

-- businesses.instagram_business_account_id is unique in production, through a constraint Hibernate named. The name
-- is Hibernate 6.6's implicit unique-key name for (businesses, instagram_business_account_id): "UK" followed by a
-- hash of the table and column names, lower-cased by Postgres. Using the same name matters twice: a database where
-- Hibernate made it ends with the same catalog as one where this migration does, and the backend's Hibernate, which
-- looks for its constraint by that name at every start, finds it instead of adding a second unique index.
--
-- Created only when no unique index on exactly this column exists yet, whatever its name, so that no database ever
-- has the same uniqueness twice. businesses holds one row per connected account: the index builds in milliseconds.
-- inboop:approve IB206 adds the constraint only where no unique index on the column exists (Postgres has no ADD CONSTRAINT IF NOT EXISTS)
-- inboop:approve IB311 the column holds only NULLs where the constraint is created (see above); measured in the README
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
          FROM pg_index x
          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
         WHERE x.indrelid = 'public.businesses'::regclass
           AND x.indisunique AND x.indnkeyatts = 1 AND x.indpred IS NULL AND x.indexprs IS NULL
           AND a.attname = 'instagram_business_account_id'
    ) THEN
        ALTER TABLE public.businesses
            ADD CONSTRAINT ukq3nj2hrehf5jb13shye747yah UNIQUE (instagram_business_account_id);
    END IF;
END
$$;

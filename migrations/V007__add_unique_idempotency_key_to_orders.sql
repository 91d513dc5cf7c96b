-- orders.idempotency_key is unique in production, through a constraint Hibernate named: Hibernate 6.6's implicit
-- unique-key name for (orders, idempotency_key), lower-cased by Postgres. Same name for the same reasons as V004:
-- one catalog everywhere, and the backend's Hibernate finds its constraint instead of adding a second one.
--
-- Created only where no unique index on exactly this column exists, whatever its name. Where it is created, the
-- column was added by V006 a moment ago and holds only NULLs; building the index still reads the table once under
-- the lock ALTER TABLE takes (measured by MigrationLockBenchmark; see the README).
-- inboop:approve IB206 adds the constraint only where no unique index on the column exists (Postgres has no ADD CONSTRAINT IF NOT EXISTS)
-- inboop:approve IB311 the column holds only NULLs where the constraint is created (see above); measured in the README
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
          FROM pg_index x
          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
         WHERE x.indrelid = 'public.orders'::regclass
           AND x.indisunique AND x.indnkeyatts = 1 AND x.indpred IS NULL AND x.indexprs IS NULL
           AND a.attname = 'idempotency_key'
    ) THEN
        ALTER TABLE public.orders ADD CONSTRAINT ukd1kkvl4hi9hp3peub1umk2xeo UNIQUE (idempotency_key);
    END IF;
END
$$;

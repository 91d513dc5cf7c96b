-- order_status: an order's fulfilment: NEW -> CONFIRMED -> SHIPPED -> DELIVERED, and NEW or CONFIRMED -> CANCELLED.
-- The values are the product's (../shared/inboop/domain.md), in lifecycle order. The legacy varchar column keeps
-- whatever the backend wrote; docs/typed-status-columns.md says how each legacy value maps to these.
--
-- Append-only: values are never renamed, removed or reordered; a new value goes at the end with
-- ALTER TYPE order_status ADD VALUE in a migration of its own.
--
-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates the type only where it is missing, so a database
-- where it was created by hand still migrates (whether its values match is for align and SchemaCompatibility to
-- report, not for this migration to change).
-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('public.order_status') IS NULL THEN
        CREATE TYPE public.order_status AS ENUM ('NEW', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED');
    END IF;
END
$$;

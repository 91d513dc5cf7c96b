-- lead_status: where a lead stands (design: Leads, status NEW / CONVERTED / CLOSED / LOST, in that order).
-- Which transitions are allowed is service logic, not a database rule.
--
-- Append-only: values are never renamed, removed or reordered; a new value goes at the end with
-- ALTER TYPE lead_status ADD VALUE in a migration of its own.
--
-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates the type only where it is missing, so a database
-- where it was already created by hand still migrates. (Whether such a type has the same values is for the
-- alignment report to say, not for this migration to change.)
-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('public.lead_status') IS NULL THEN
        CREATE TYPE public.lead_status AS ENUM (
            'NEW',
            'CONVERTED',
            'CLOSED',
            'LOST'
        );
    END IF;
END
$$;

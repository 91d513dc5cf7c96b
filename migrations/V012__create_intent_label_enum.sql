-- intent_label: the AI's verdict on a conversation's intent.
-- The values are the product's (../shared/inboop/domain.md), in lifecycle order. The legacy varchar column keeps
-- whatever the backend wrote; docs/typed-status-columns.md says how each legacy value maps to these.
--
-- Append-only: values are never renamed, removed or reordered; a new value goes at the end with
-- ALTER TYPE intent_label ADD VALUE in a migration of its own.
--
-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates the type only where it is missing, so a database
-- where it was created by hand still migrates (whether its values match is for align and SchemaCompatibility to
-- report, not for this migration to change).
-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('public.intent_label') IS NULL THEN
        CREATE TYPE public.intent_label AS ENUM ('BUYING', 'SUPPORT', 'BROWSING', 'SPAM', 'OTHER');
    END IF;
END
$$;

-- leads.status_enum and leads.assigned_to_user_id (V013, V017) follow the backend's own columns, status and
-- assigned_to, in every writer's own statement: the expand phase of an expand/contract change, as pgroll keeps old
-- and new columns in sync while two versions of an application write. The backend keeps writing the legacy columns
-- alone, through Hibernate, and knows nothing of the typed ones; inboop-db writes both. One rule for every writer:
--
--   * the typed column is what the legacy one means (inboop_lead_status below: the one mapping, also used by the
--     query layer and the backfill jobs), NULL where the legacy value has no equivalent;
--   * except when a statement writes the typed column alone (an UPDATE that changes it and not the legacy column,
--     or an INSERT that names it): then the legacy column takes its design value, which the backend understands.
--     A typed value that already agrees with the legacy one (a backfill, a repair) leaves the legacy value as it
--     is ('CONTACTED' stays 'CONTACTED' under NEW).
--
-- This is not a workflow rule (which status may follow which stays in inboop-db's Java): it keeps one truth in two
-- columns. An UPDATE that changes none of the four columns (most of Hibernate's, which set every mapped column) does
-- not even call the function: the trigger's WHEN clause is evaluated first.
--
-- Case and surrounding blanks are not meaning ('new', 'LOST ' map like NEW and LOST); only ASCII letters are
-- upper-cased (COLLATE "C"), so that the mapping does not depend on the database's locale. IMMUTABLE: the mapping of
-- a value never changes (enums are append-only), which lets an index use it.
-- Creating the trigger takes SHARE ROW EXCLUSIVE on leads for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_lead_status(legacy text) RETURNS public.lead_status
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
               WHEN 'NEW' THEN 'NEW'::public.lead_status
               WHEN 'CONTACTED' THEN 'NEW'::public.lead_status
               WHEN 'QUALIFIED' THEN 'NEW'::public.lead_status
               WHEN 'NEGOTIATING' THEN 'NEW'::public.lead_status
               WHEN 'CONVERTED' THEN 'CONVERTED'::public.lead_status
               WHEN 'CLOSED' THEN 'CLOSED'::public.lead_status
               WHEN 'SPAM' THEN 'CLOSED'::public.lead_status
               WHEN 'LOST' THEN 'LOST'::public.lead_status
           END
$$;

COMMENT ON FUNCTION public.inboop_lead_status(text) IS
    'The design''s lead status of a legacy leads.status value; NULL if it has none (inboop-db, docs/legacy-values.md).';

-- One function for both triggers, BEFORE INSERT and BEFORE UPDATE, which settle the row in the writer's statement
-- before it is written. Each pair is looked at only when the statement wrote it (an INSERT, or an UPDATE that changed
-- either column): a pair left as it was, in disagreement from before the triggers existed, waits for the repair job.
-- The UPDATE trigger's WHEN clause compares plain columns only: an expression there (a function call) would be
-- prepared again for every statement, which costs every UPDATE of the table more than the trigger itself.

CREATE OR REPLACE FUNCTION public.inboop_sync_leads() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.status_enum IS DISTINCT FROM OLD.status_enum THEN
        IF NEW.status_enum IS NOT NULL AND NEW.status_enum IS DISTINCT FROM public.inboop_lead_status(NEW.status)
           AND (TG_OP = 'INSERT' OR NEW.status IS NOT DISTINCT FROM OLD.status) THEN
            NEW.status := NEW.status_enum::text; -- the typed status alone was written, to another meaning
        END IF;
        NEW.status_enum := public.inboop_lead_status(NEW.status);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.assigned_to IS DISTINCT FROM OLD.assigned_to
       OR NEW.assigned_to_user_id IS DISTINCT FROM OLD.assigned_to_user_id THEN
        IF (TG_OP = 'INSERT' AND NEW.assigned_to_user_id IS NOT NULL)
           OR (TG_OP = 'UPDATE' AND NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to) THEN
            NEW.assigned_to := NEW.assigned_to_user_id; -- the typed assignee alone was written (NULL: unassigned)
        END IF;
        NEW.assigned_to_user_id := NEW.assigned_to;
    END IF;
    RETURN NEW;
END
$$;

-- inboop:approve IB206 creates the triggers only where they do not exist yet (CREATE OR REPLACE TRIGGER needs PostgreSQL 14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.leads'::regclass AND tgname = 'inboop_sync_new_lead') THEN
        CREATE TRIGGER inboop_sync_new_lead
            BEFORE INSERT ON public.leads
            FOR EACH ROW
            EXECUTE FUNCTION public.inboop_sync_leads();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.leads'::regclass AND tgname = 'inboop_sync_changed_lead') THEN
        CREATE TRIGGER inboop_sync_changed_lead
            BEFORE UPDATE ON public.leads
            FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status
                               OR NEW.status_enum IS DISTINCT FROM OLD.status_enum
                               OR NEW.assigned_to IS DISTINCT FROM OLD.assigned_to
                               OR NEW.assigned_to_user_id IS DISTINCT FROM OLD.assigned_to_user_id)
            EXECUTE FUNCTION public.inboop_sync_leads();
    END IF;
END
$$;

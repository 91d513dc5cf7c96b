-- The other half of V038's rule, on workspaces: when a user comes to own exactly one live workspace (they create
-- their first, or delete all but one, or a workspace changes owner), their unplaced businesses are placed in it, in
-- the same statement. Businesses already placed never move. Creating the triggers takes SHARE ROW EXCLUSIVE on
-- workspaces for a catalog change only.
--
-- The UPDATE runs in the writer's transaction and touches only that owner's unplaced businesses
-- (idx_businesses_owner_id); V038's trigger does not fire on it (the new workspace_id is set).

CREATE OR REPLACE FUNCTION public.inboop_place_owners_businesses() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    owner bigint;
    owned bigint;
BEGIN
    -- The new owner, and on a change of owner the old one too (who may now own exactly one workspace).
    FOR owner IN SELECT DISTINCT o FROM unnest(ARRAY[NEW.owner_id,
                                                     CASE WHEN TG_OP = 'UPDATE' THEN OLD.owner_id END]) AS t (o)
                  WHERE o IS NOT NULL
    LOOP
        owned := public.inboop_owned_workspace(owner);
        IF owned IS NOT NULL THEN
            UPDATE public.businesses SET workspace_id = owned WHERE owner_id = owner AND workspace_id IS NULL;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- inboop:approve IB206 creates the triggers only where they do not exist yet (CREATE OR REPLACE TRIGGER needs PostgreSQL 14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.workspaces'::regclass AND tgname = 'inboop_place_on_new_workspace') THEN
        CREATE TRIGGER inboop_place_on_new_workspace
            AFTER INSERT ON public.workspaces
            FOR EACH ROW
            EXECUTE FUNCTION public.inboop_place_owners_businesses();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.workspaces'::regclass AND tgname = 'inboop_place_on_changed_workspace') THEN
        CREATE TRIGGER inboop_place_on_changed_workspace
            AFTER UPDATE ON public.workspaces
            FOR EACH ROW WHEN (NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at)
            EXECUTE FUNCTION public.inboop_place_owners_businesses();
    END IF;
END
$$;

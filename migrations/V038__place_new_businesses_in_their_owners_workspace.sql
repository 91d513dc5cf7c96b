-- A business belongs to the workspace its owner owns. The backend never writes businesses.workspace_id (no entity
-- maps it; the backend scopes a business by its owner), so every business it creates arrives with it NULL, and
-- inboop-db scopes every list, count and write by it. This places such a business in its owner's workspace when the
-- row is written, in the writer's own statement:
--
--   * the owner owns exactly one live (not deleted) workspace: the business is placed there;
--   * the owner owns none (yet), or several: it stays unplaced (NULL), in no workspace's lists, never in two.
--     Several is ambiguous and never guessed: the business-workspaces job reports such businesses for a person
--     to place (an UPDATE of businesses.workspace_id). V039 places an owner's unplaced businesses when the owner
--     gets a first workspace.
--
-- An unplaced business is placed again when its owner changes (here) or its owner's workspaces do (V039); any other
-- UPDATE leaves it alone, so a business someone took out of a workspace on purpose (set to NULL) stays out.
-- Hibernate's UPDATEs do not name workspace_id, so they never undo a placement.
--
-- inboop_owned_workspace is also what V040 (production's existing rows) and the job use: one definition of the rule.
-- Creating the triggers takes SHARE ROW EXCLUSIVE on businesses for a catalog change only (milliseconds).

CREATE OR REPLACE FUNCTION public.inboop_owned_workspace(owner bigint) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN count(*) = 1 THEN min(w.id) END
      FROM public.workspaces w
     WHERE w.owner_id = owner AND w.deleted_at IS NULL
$$;

COMMENT ON FUNCTION public.inboop_owned_workspace(bigint) IS
    'The one live workspace the user owns; NULL if none or several (inboop-db: a business''s workspace).';

CREATE OR REPLACE FUNCTION public.inboop_place_business() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.workspace_id := public.inboop_owned_workspace(NEW.owner_id);
    RETURN NEW;
END
$$;

-- inboop:approve IB206 creates the triggers only where they do not exist yet (CREATE OR REPLACE TRIGGER needs PostgreSQL 14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.businesses'::regclass AND tgname = 'inboop_place_new_business') THEN
        CREATE TRIGGER inboop_place_new_business
            BEFORE INSERT ON public.businesses
            FOR EACH ROW WHEN (NEW.workspace_id IS NULL)
            EXECUTE FUNCTION public.inboop_place_business();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.businesses'::regclass AND tgname = 'inboop_place_transferred_business') THEN
        CREATE TRIGGER inboop_place_transferred_business
            BEFORE UPDATE ON public.businesses
            FOR EACH ROW WHEN (NEW.workspace_id IS NULL AND NEW.owner_id IS DISTINCT FROM OLD.owner_id)
            EXECUTE FUNCTION public.inboop_place_business();
    END IF;
END
$$;

-- Forward fix of V039, for the reason V048 gives: the UPDATE trigger on workspaces loses its WHEN clause, which named
-- owner_id and deleted_at, columns the backend maps. The function returns at once unless one of them changed, so what
-- it writes is unchanged. Workspaces are updated rarely; the call costs each UPDATE a few microseconds.
-- Dropping and creating the trigger in one transaction takes ACCESS EXCLUSIVE on workspaces for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_place_owners_businesses() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    owner bigint;
    owned bigint;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.owner_id IS NOT DISTINCT FROM OLD.owner_id
       AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at THEN
        RETURN NULL;
    END IF;
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

DROP TRIGGER IF EXISTS inboop_place_on_changed_workspace ON public.workspaces;

CREATE TRIGGER inboop_place_on_changed_workspace
    AFTER UPDATE ON public.workspaces
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_place_owners_businesses();

-- Forward fix of V038, for the reason V048 gives: the UPDATE trigger on businesses loses its WHEN clause, which named
-- owner_id, a column the backend maps (Hibernate's ddl-auto=update could not re-type it while a WHEN clause names it;
-- no entity of the backend declares another type for it today, but no trigger of inboop-db depends on that). Its own
-- function makes the same test, so what it writes is unchanged: an unplaced business whose owner changed is placed in
-- the new owner's workspace. The INSERT trigger keeps its WHEN clause: it names workspace_id, which no entity maps.
-- Businesses are updated rarely (a connection's status, a token); the call costs each UPDATE a few microseconds.
-- Dropping and creating the trigger in one transaction takes ACCESS EXCLUSIVE on businesses for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_place_transferred_business() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.workspace_id IS NULL AND NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
        NEW.workspace_id := public.inboop_owned_workspace(NEW.owner_id);
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS inboop_place_transferred_business ON public.businesses;

CREATE TRIGGER inboop_place_transferred_business
    BEFORE UPDATE ON public.businesses
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_place_transferred_business();

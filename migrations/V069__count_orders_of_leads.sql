-- Keeps leads.order_count (V067) the number of live orders naming the lead, in the statement of whoever writes an
-- order (the backend through JPA included): an order inserted, deleted, soft-deleted or restored, or moved to another
-- lead changes the count of the lead it leaves and of the one it joins. Most of the backend's UPDATEs of an order
-- change neither lead_id nor deleted_at: the function compares first and returns.
-- The lead's row is updated even while its count is NULL (NULL + 1 stays NULL), so that it is locked like any other:
-- the lead-order-counts job locks a lead before counting its orders, and so counts every order whose transaction
-- changed the lead before it, while any later one waits for the job and then adds to its count.
-- No WHEN clause, for the reason V048 gives. Creating the trigger takes SHARE ROW EXCLUSIVE on orders for a catalog
-- change only.

CREATE OR REPLACE FUNCTION public.inboop_count_lead_orders() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    was_counted boolean := false;
    is_counted  boolean := false;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        was_counted := OLD.lead_id IS NOT NULL AND OLD.deleted_at IS NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        is_counted := NEW.lead_id IS NOT NULL AND NEW.deleted_at IS NULL;
    END IF;
    IF was_counted AND is_counted AND OLD.lead_id = NEW.lead_id THEN
        RETURN NULL;
    END IF;
    IF was_counted THEN
        UPDATE public.leads SET order_count = order_count - 1 WHERE id = OLD.lead_id;
    END IF;
    IF is_counted THEN
        UPDATE public.leads SET order_count = order_count + 1 WHERE id = NEW.lead_id;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION public.inboop_count_lead_orders() IS
    'inboop-db: keeps leads.order_count the number of live orders naming the lead.';

DROP TRIGGER IF EXISTS inboop_count_lead_orders ON public.orders;

CREATE TRIGGER inboop_count_lead_orders
    AFTER INSERT OR UPDATE OR DELETE ON public.orders
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_count_lead_orders();

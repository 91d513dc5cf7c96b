-- Forward fix of V042, for the reason V048 gives for leads: the UPDATE trigger on orders names no column in a WHEN
-- clause, so that Hibernate's ddl-auto=update may re-type status and payment_status as the backend's entity declares
-- them. The function compares the pairs itself; what it writes is unchanged.
-- Dropping and creating the trigger in one transaction takes ACCESS EXCLUSIVE on orders for a catalog change only.

DROP TRIGGER IF EXISTS inboop_sync_changed_order ON public.orders;

CREATE TRIGGER inboop_sync_changed_order
    BEFORE UPDATE ON public.orders
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_sync_orders();

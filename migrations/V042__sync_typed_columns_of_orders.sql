-- orders.status_enum and orders.payment_status_enum (V014, V015) follow the backend's status and payment_status in
-- every writer's own statement, by the rule of V041 (the typed column is what the legacy one means, unless a
-- statement writes the typed column alone, which the legacy column then takes).
--
-- The mappings (docs/legacy-values.md): PENDING is NEW and PROCESSING is CONFIRMED; a legacy fulfilment status
-- REFUNDED has no fulfilment equivalent (NULL) but makes the payment REFUNDED, whatever payment_status says (the
-- refund came after the payment); payment_status NULL (rows older than the column) stays unknown. Case and
-- surrounding blanks are not meaning. An UPDATE that changes none of the four columns does not call the function.
-- Creating the trigger takes SHARE ROW EXCLUSIVE on orders for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_order_status(legacy text) RETURNS public.order_status
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
               WHEN 'NEW' THEN 'NEW'::public.order_status
               WHEN 'PENDING' THEN 'NEW'::public.order_status
               WHEN 'CONFIRMED' THEN 'CONFIRMED'::public.order_status
               WHEN 'PROCESSING' THEN 'CONFIRMED'::public.order_status
               WHEN 'SHIPPED' THEN 'SHIPPED'::public.order_status
               WHEN 'DELIVERED' THEN 'DELIVERED'::public.order_status
               WHEN 'CANCELLED' THEN 'CANCELLED'::public.order_status
           END
$$;

COMMENT ON FUNCTION public.inboop_order_status(text) IS
    'The design''s fulfilment status of a legacy orders.status value; NULL if it has none (inboop-db).';

CREATE OR REPLACE FUNCTION public.inboop_payment_status(legacy text, legacy_status text) RETURNS public.payment_status
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
               WHEN upper(btrim(legacy_status, E' \t\r\n') COLLATE "C") = 'REFUNDED' THEN 'REFUNDED'::public.payment_status
               ELSE CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
                        WHEN 'UNPAID' THEN 'UNPAID'::public.payment_status
                        WHEN 'PAID' THEN 'PAID'::public.payment_status
                        WHEN 'REFUNDED' THEN 'REFUNDED'::public.payment_status
                    END
           END
$$;

COMMENT ON FUNCTION public.inboop_payment_status(text, text) IS
    'The design''s payment status of legacy orders.payment_status and orders.status values; NULL if none (inboop-db).';

-- One function for both triggers, BEFORE INSERT and BEFORE UPDATE; each pair is looked at only when the statement
-- wrote it, the payment pair also when the legacy fulfilment status changed; plain columns in the WHEN clause (why:
-- V041).

CREATE OR REPLACE FUNCTION public.inboop_sync_orders() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.status_enum IS DISTINCT FROM OLD.status_enum THEN
        IF NEW.status_enum IS NOT NULL AND NEW.status_enum IS DISTINCT FROM public.inboop_order_status(NEW.status)
           AND (TG_OP = 'INSERT' OR NEW.status IS NOT DISTINCT FROM OLD.status) THEN
            NEW.status := NEW.status_enum::text; -- the typed status alone was written, to another meaning
        END IF;
        NEW.status_enum := public.inboop_order_status(NEW.status);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status
       OR NEW.payment_status IS DISTINCT FROM OLD.payment_status
       OR NEW.payment_status_enum IS DISTINCT FROM OLD.payment_status_enum THEN
        IF NEW.payment_status_enum IS NOT NULL
           AND NEW.payment_status_enum IS DISTINCT FROM public.inboop_payment_status(NEW.payment_status, NEW.status)
           AND (TG_OP = 'INSERT' OR (NEW.payment_status IS NOT DISTINCT FROM OLD.payment_status
                                     AND NEW.payment_status_enum IS DISTINCT FROM OLD.payment_status_enum)) THEN
            NEW.payment_status := NEW.payment_status_enum::text; -- the typed payment alone was written
        END IF;
        NEW.payment_status_enum := public.inboop_payment_status(NEW.payment_status, NEW.status);
    END IF;
    RETURN NEW;
END
$$;

-- inboop:approve IB206 creates the triggers only where they do not exist yet (CREATE OR REPLACE TRIGGER needs PostgreSQL 14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.orders'::regclass AND tgname = 'inboop_sync_new_order') THEN
        CREATE TRIGGER inboop_sync_new_order
            BEFORE INSERT ON public.orders
            FOR EACH ROW
            EXECUTE FUNCTION public.inboop_sync_orders();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.orders'::regclass AND tgname = 'inboop_sync_changed_order') THEN
        CREATE TRIGGER inboop_sync_changed_order
            BEFORE UPDATE ON public.orders
            FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status
                               OR NEW.status_enum IS DISTINCT FROM OLD.status_enum
                               OR NEW.payment_status IS DISTINCT FROM OLD.payment_status
                               OR NEW.payment_status_enum IS DISTINCT FROM OLD.payment_status_enum)
            EXECUTE FUNCTION public.inboop_sync_orders();
    END IF;
END
$$;

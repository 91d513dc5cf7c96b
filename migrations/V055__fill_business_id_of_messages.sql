-- Keeps messages.business_id (V054) true for every message written from now on, by anyone: the backend inserts
-- messages through JPA and knows nothing of the column, and its UPDATEs write every mapped column but never this
-- one. On INSERT, and on an UPDATE that changes the conversation or the column itself, the column is set to the
-- conversation's business_id (a primary-key lookup), whatever the writer put there: it is derived, not input. An
-- UPDATE that leaves both alone (the backend marking a message read) returns at once, except that a row not filled
-- yet is filled then too.
-- No WHEN clause, for the reason V048 gives (Hibernate's ddl-auto=update may re-type a column a WHEN clause names).
-- Creating the triggers takes SHARE ROW EXCLUSIVE on messages for a catalog change only (milliseconds).

CREATE OR REPLACE FUNCTION public.inboop_message_business() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.conversation_id IS NOT DISTINCT FROM OLD.conversation_id
       AND NEW.business_id IS NOT DISTINCT FROM OLD.business_id AND NEW.business_id IS NOT NULL THEN
        RETURN NEW;
    END IF;
    NEW.business_id := (SELECT c.business_id FROM public.conversations c WHERE c.id = NEW.conversation_id);
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.inboop_message_business() IS
    'inboop-db: sets messages.business_id to its conversation''s business on every write that could change it.';

DROP TRIGGER IF EXISTS inboop_message_business ON public.messages;

CREATE TRIGGER inboop_message_business
    BEFORE INSERT OR UPDATE ON public.messages
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_message_business();

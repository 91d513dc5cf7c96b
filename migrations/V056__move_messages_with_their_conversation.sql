-- A conversation that moves to another business takes its messages' business_id (V054) along, in the same
-- statement, so that a search never finds a message under its old business. The backend's UPDATEs of a
-- conversation write business_id every time (Hibernate sets every mapped column), nearly always to the value it
-- had: the function compares first and does nothing then. A real move updates the conversation's messages
-- (through idx_messages_conversation_id; V055's trigger re-derives each from the conversation's new row).
-- No WHEN clause, for the reason V048 gives. Creating the trigger takes SHARE ROW EXCLUSIVE on conversations for a
-- catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_move_conversation_messages() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.business_id IS DISTINCT FROM OLD.business_id THEN
        UPDATE public.messages SET business_id = NEW.business_id
         WHERE conversation_id = NEW.id AND business_id IS DISTINCT FROM NEW.business_id;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION public.inboop_move_conversation_messages() IS
    'inboop-db: carries a conversation''s new business_id to its messages.';

DROP TRIGGER IF EXISTS inboop_move_conversation_messages ON public.conversations;

CREATE TRIGGER inboop_move_conversation_messages
    AFTER UPDATE ON public.conversations
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_move_conversation_messages();

-- Forward fix of V043, for the reason V048 gives for leads: the UPDATE trigger on conversations names no column in a
-- WHEN clause, so that Hibernate's ddl-auto=update may re-type intent_label as the backend's entity declares it.
-- Unlike V041's and V042's functions, V043's relied on that WHEN clause to be called only when the pair changed: it
-- now checks that itself first (an UPDATE that changes neither column, like most of the backend's, one per message,
-- returns at once and leaves the pair as it was).
-- Dropping and creating the trigger in one transaction takes ACCESS EXCLUSIVE on conversations for a catalog change
-- only.

CREATE OR REPLACE FUNCTION public.inboop_sync_conversations() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.intent_label IS NOT DISTINCT FROM OLD.intent_label
       AND NEW.intent_label_enum IS NOT DISTINCT FROM OLD.intent_label_enum THEN
        RETURN NEW;
    END IF;
    IF NEW.intent_label_enum IS NOT NULL
       AND NEW.intent_label_enum IS DISTINCT FROM public.inboop_intent_label(NEW.intent_label)
       AND (TG_OP = 'INSERT' OR NEW.intent_label IS NOT DISTINCT FROM OLD.intent_label) THEN
        NEW.intent_label := NEW.intent_label_enum::text; -- the typed label alone was written, to another meaning
    END IF;
    NEW.intent_label_enum := public.inboop_intent_label(NEW.intent_label);
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS inboop_sync_changed_conversation ON public.conversations;

CREATE TRIGGER inboop_sync_changed_conversation
    BEFORE UPDATE ON public.conversations
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_sync_conversations();

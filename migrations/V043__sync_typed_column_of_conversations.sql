-- conversations.intent_label_enum (V016) follows the backend's intent_label in every writer's own statement, by the
-- rule of V041 (the typed column is what the legacy one means, unless a statement writes the typed column alone,
-- which the legacy column then takes). The labels are the same five on both sides; NULL (not classified yet) and
-- words of older classifiers stay NULL. Case and surrounding blanks are not meaning. The backend updates a
-- conversation on every message; an UPDATE that changes neither column does not call the function.
-- Creating the trigger takes SHARE ROW EXCLUSIVE on conversations for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_intent_label(legacy text) RETURNS public.intent_label
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
               WHEN 'BUYING' THEN 'BUYING'::public.intent_label
               WHEN 'SUPPORT' THEN 'SUPPORT'::public.intent_label
               WHEN 'BROWSING' THEN 'BROWSING'::public.intent_label
               WHEN 'SPAM' THEN 'SPAM'::public.intent_label
               WHEN 'OTHER' THEN 'OTHER'::public.intent_label
           END
$$;

COMMENT ON FUNCTION public.inboop_intent_label(text) IS
    'The design''s intent label of a legacy conversations.intent_label value; NULL if it has none (inboop-db).';

-- One function for both triggers, BEFORE INSERT and BEFORE UPDATE; plain columns in the WHEN clause (why: V041).

CREATE OR REPLACE FUNCTION public.inboop_sync_conversations() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.intent_label_enum IS NOT NULL
       AND NEW.intent_label_enum IS DISTINCT FROM public.inboop_intent_label(NEW.intent_label)
       AND (TG_OP = 'INSERT' OR NEW.intent_label IS NOT DISTINCT FROM OLD.intent_label) THEN
        NEW.intent_label := NEW.intent_label_enum::text; -- the typed label alone was written, to another meaning
    END IF;
    NEW.intent_label_enum := public.inboop_intent_label(NEW.intent_label);
    RETURN NEW;
END
$$;

-- inboop:approve IB206 creates the triggers only where they do not exist yet (CREATE OR REPLACE TRIGGER needs PostgreSQL 14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.conversations'::regclass AND tgname = 'inboop_sync_new_conversation') THEN
        CREATE TRIGGER inboop_sync_new_conversation
            BEFORE INSERT ON public.conversations
            FOR EACH ROW
            EXECUTE FUNCTION public.inboop_sync_conversations();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                    WHERE tgrelid = 'public.conversations'::regclass AND tgname = 'inboop_sync_changed_conversation') THEN
        CREATE TRIGGER inboop_sync_changed_conversation
            BEFORE UPDATE ON public.conversations
            FOR EACH ROW WHEN (NEW.intent_label IS DISTINCT FROM OLD.intent_label
                               OR NEW.intent_label_enum IS DISTINCT FROM OLD.intent_label_enum)
            EXECUTE FUNCTION public.inboop_sync_conversations();
    END IF;
END
$$;

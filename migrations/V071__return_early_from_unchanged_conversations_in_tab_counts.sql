-- A forward fix of V065's trigger function, for what it costs the backend: it returns at once when an UPDATE leaves
-- every column of the tab-count group as it was (business, assignee, both intent label columns, unread or not,
-- archived or not, deleted or not), which is nearly every UPDATE the backend makes (a new message: last_message,
-- last_message_at). V065's function worked out both groups first, in a dozen PL/pgSQL expressions, and PL/pgSQL
-- prepares each expression again in every transaction: the backend's autocommit UPDATE paid for all of them.
-- Measured: SyncTriggerBenchmark put Hibernate's full-row UPDATE of a conversation (1,000,000 rows) 22% over no
-- trigger with every trigger of the table (5% before V056 and V065); a server-side loop of one-statement
-- transactions (PostgreSQL 15, 200,000 rows) put V065's function at +11.7 us per UPDATE and this early return at
-- +3.1 us, against +1.4 us for an empty AFTER trigger.
-- Same results for every row: when the early test holds, V065's comparisons find the same group too. Replacing the
-- function takes no lock on conversations; the trigger is unchanged.

CREATE OR REPLACE FUNCTION public.inboop_count_conversation_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    was_active boolean := false;
    is_active  boolean := false;
    old_intent public.intent_label;
    new_intent public.intent_label;
    old_unread boolean;
    new_unread boolean;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- One expression, so one preparation per transaction, for the UPDATE that changes no group.
        IF OLD.business_id IS NOT DISTINCT FROM NEW.business_id
           AND OLD.assigned_to_user_id IS NOT DISTINCT FROM NEW.assigned_to_user_id
           AND OLD.intent_label IS NOT DISTINCT FROM NEW.intent_label
           AND OLD.intent_label_enum IS NOT DISTINCT FROM NEW.intent_label_enum
           AND (coalesce(OLD.unread_count, 0) > 0) = (coalesce(NEW.unread_count, 0) > 0)
           AND (OLD.archived_at IS NULL) = (NEW.archived_at IS NULL)
           AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        was_active := OLD.archived_at IS NULL AND OLD.deleted_at IS NULL;
        old_intent := coalesce(OLD.intent_label_enum, public.inboop_intent_label(OLD.intent_label));
        old_unread := coalesce(OLD.unread_count, 0) > 0;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        is_active := NEW.archived_at IS NULL AND NEW.deleted_at IS NULL;
        new_intent := coalesce(NEW.intent_label_enum, public.inboop_intent_label(NEW.intent_label));
        new_unread := coalesce(NEW.unread_count, 0) > 0;
    END IF;
    IF NOT was_active AND NOT is_active THEN
        RETURN NULL;
    END IF;
    IF was_active AND is_active AND OLD.business_id = NEW.business_id
       AND OLD.assigned_to_user_id IS NOT DISTINCT FROM NEW.assigned_to_user_id
       AND old_intent IS NOT DISTINCT FROM new_intent AND old_unread = new_unread THEN
        RETURN NULL;
    END IF;
    IF was_active THEN
        INSERT INTO public.conversation_count_changes (business_id, assigned_to_user_id, intent_label, unread, change)
        VALUES (OLD.business_id, OLD.assigned_to_user_id, old_intent, old_unread, -1);
    END IF;
    IF is_active THEN
        INSERT INTO public.conversation_count_changes (business_id, assigned_to_user_id, intent_label, unread, change)
        VALUES (NEW.business_id, NEW.assigned_to_user_id, new_intent, new_unread, 1);
    END IF;
    IF random() < 1.0 / 256 THEN
        PERFORM public.inboop_fold_conversation_counts(CASE WHEN is_active THEN NEW.business_id ELSE OLD.business_id END);
    END IF;
    RETURN NULL;
END
$$;

-- Records every change of a conversation's tab-count group in conversation_count_changes (V063), in the writer's own
-- statement: an INSERT, an UPDATE (the backend's set every mapped column, nearly always to values that leave the
-- group as it was: the function compares first and returns) or a DELETE. The group is the business, the assignee,
-- the effective intent label (the typed column, else the legacy one as V043's function reads it: as the query layer
-- does) and unread or not (unread_count > 0), over active conversations (archived_at and deleted_at NULL).
-- An AFTER trigger: it sees the row as V050's BEFORE trigger left it.
--
-- inboop_fold_conversation_counts(business) replaces the business's rows by one per group with their sum (the rows
-- summing to 0 go). Writers call it once in about 256 recorded changes. Only one transaction folds a business at a
-- time (an advisory lock it only tries: a writer never waits for it), and only under READ COMMITTED, where its
-- DELETE sees every change committed before it and none after: a change still uncommitted is neither deleted nor
-- summed, and stays for the next fold.
-- No WHEN clause, for the reason V048 gives. Creating the trigger takes SHARE ROW EXCLUSIVE on conversations for a
-- catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_fold_conversation_counts(business bigint) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed'
       OR NOT pg_try_advisory_xact_lock(hashtext('inboop_conversation_counts'), hashtext(business::text)) THEN
        RETURN;
    END IF;
    WITH gone AS (
        DELETE FROM public.conversation_count_changes WHERE business_id = business
        RETURNING business_id, assigned_to_user_id, intent_label, unread, change
    )
    INSERT INTO public.conversation_count_changes (business_id, assigned_to_user_id, intent_label, unread, change)
    SELECT business_id, assigned_to_user_id, intent_label, unread, sum(change)::integer
      FROM gone
     GROUP BY business_id, assigned_to_user_id, intent_label, unread
    HAVING sum(change) <> 0;
END
$$;

COMMENT ON FUNCTION public.inboop_fold_conversation_counts(bigint) IS
    'inboop-db: sums a business''s conversation_count_changes per group, unless another transaction is doing so.';

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

COMMENT ON FUNCTION public.inboop_count_conversation_change() IS
    'inboop-db: appends a conversation''s move between tab-count groups to conversation_count_changes.';

DROP TRIGGER IF EXISTS inboop_count_conversation_change ON public.conversations;

CREATE TRIGGER inboop_count_conversation_change
    AFTER INSERT OR UPDATE OR DELETE ON public.conversations
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_count_conversation_change();

-- A business inserted from now on has its tab counts kept from its first conversation: it has none when its row is
-- inserted (a conversation references its business), and V065's trigger records every conversation after that. So
-- it is named in conversation_counts_kept (V064) as it is inserted, in the writer's statement (the backend creates
-- businesses through JPA), and never needs the inbox-tab-counts job. Businesses inserted before this migration are
-- the job's.
-- Creating the trigger takes SHARE ROW EXCLUSIVE on businesses for a catalog change only.

CREATE OR REPLACE FUNCTION public.inboop_keep_counts_of_new_business() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO public.conversation_counts_kept (business_id) VALUES (NEW.id) ON CONFLICT (business_id) DO NOTHING;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION public.inboop_keep_counts_of_new_business() IS
    'inboop-db: a new business''s tab counts are kept in conversation_count_changes from its first conversation.';

DROP TRIGGER IF EXISTS inboop_keep_counts_of_new_business ON public.businesses;

CREATE TRIGGER inboop_keep_counts_of_new_business
    AFTER INSERT ON public.businesses
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_keep_counts_of_new_business();

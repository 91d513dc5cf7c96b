-- intent_label: what a conversation is about, as the intent classifier labels it, so the inbox can sort and route
-- (design: Conversations, intent_label; Enums). Values, from what a DM seller acts on differently:
--   PURCHASE_INTENT       wants to buy now ("I'll take 2, how do I pay?"): answer first, it becomes a lead or order
--   PRODUCT_INQUIRY       asks about price, size, stock, delivery time: pre-sale, often becomes a purchase
--   ORDER_STATUS          asks where an existing order is
--   PAYMENT_CONFIRMATION  says they paid, often with a screenshot: the seller must check and mark the order paid
--   RETURN_OR_EXCHANGE    wants to return or swap an item
--   COMPLAINT             unhappy with product or service: needs a person, quickly
--   GENERAL               greetings, thanks, anything else a person may still want to read
--   SPAM                  bots, promotions, scams: hidden from the default view by the service
--
-- Append-only: values are never renamed, removed or reordered; a new value goes at the end with
-- ALTER TYPE intent_label ADD VALUE in a migration of its own.
--
-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates the type only where it is missing, so a database
-- where it was already created by hand still migrates. (Whether such a type has the same values is for the
-- alignment report to say, not for this migration to change.)
-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('public.intent_label') IS NULL THEN
        CREATE TYPE public.intent_label AS ENUM (
            'PURCHASE_INTENT',
            'PRODUCT_INQUIRY',
            'ORDER_STATUS',
            'PAYMENT_CONFIRMATION',
            'RETURN_OR_EXCHANGE',
            'COMPLAINT',
            'GENERAL',
            'SPAM'
        );
    END IF;
END
$$;

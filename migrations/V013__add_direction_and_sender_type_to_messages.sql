-- messages.direction, sender_type: who a message came from (design: Messages). direction is 'INBOUND' (from
-- the customer) or 'OUTBOUND'; sender_type is 'CUSTOMER', 'AGENT', 'AUTOMATION' or 'SYSTEM'. Both replace the
-- legacy is_from_customer flag, which stays; a separate backfill derives them from it.
-- text, not ENUM: the design reserves ENUMs for lead, order and payment status and intent label; the values are
-- validated by the service that writes messages.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE messages
    ADD COLUMN IF NOT EXISTS direction text,
    ADD COLUMN IF NOT EXISTS sender_type text;

-- conversations.lead_count, order_count: how many leads and orders came out of the conversation, shown in the
-- inbox without counting on every read (design: Conversations). NULL means not counted yet: existing rows are
-- filled by a separate backfill, so no default pretends they are 0.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE conversations
    ADD COLUMN IF NOT EXISTS lead_count integer,
    ADD COLUMN IF NOT EXISTS order_count integer;

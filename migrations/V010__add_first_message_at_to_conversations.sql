-- conversations.first_message_at: when the customer first wrote (design: Conversations). Backfilled separately
-- from messages.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE conversations
    ADD COLUMN IF NOT EXISTS first_message_at timestamptz;

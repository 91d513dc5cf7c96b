-- messages.sent_at: when the message was sent on its channel, as opposed to created_at, when Inboop stored it
-- (design: Messages). Backfilled separately from created_at.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE messages
    ADD COLUMN IF NOT EXISTS sent_at timestamptz;

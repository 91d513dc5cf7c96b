-- messages.channel_message_id: the message's id on its channel (Instagram mid, WhatsApp wamid), so a webhook that
-- delivers the same message twice is recognised (design: Messages). A unique index follows in its own migration.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE messages
    ADD COLUMN IF NOT EXISTS channel_message_id text;

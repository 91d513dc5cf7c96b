-- messages.metadata: channel-specific extras (attachments, reply-to, reactions) as JSONB (design: Messages).
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE messages
    ADD COLUMN IF NOT EXISTS metadata jsonb;

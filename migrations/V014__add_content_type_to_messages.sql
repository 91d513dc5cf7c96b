-- messages.content_type: what the message carries (design: Messages): 'TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'FILE',
-- 'STICKER', 'STORY_REPLY', 'LOCATION', ... text, not ENUM: Instagram and WhatsApp add kinds often, the design
-- reserves ENUMs for four statuses, and an unknown kind must be storable rather than rejected.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE messages
    ADD COLUMN IF NOT EXISTS content_type text;

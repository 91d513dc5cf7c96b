-- conversations.archived_at, deleted_at: the soft lifecycle of a conversation (design: Conversations). Archived
-- rows leave the default inbox but can come back; soft-deleted rows are never shown again. NULL means neither.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE conversations
    ADD COLUMN IF NOT EXISTS archived_at timestamptz,
    ADD COLUMN IF NOT EXISTS deleted_at timestamptz;

-- conversations.contact_id: the contact behind the conversation (design: Conversations, contact_id). NULL until
-- linked; a separate best-effort backfill links existing conversations.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.
-- The foreign key is for identity only (no cascade) and added NOT VALID: existing rows are not scanned under the
-- lock; a later migration validates it without blocking writes.

ALTER TABLE conversations
    ADD COLUMN IF NOT EXISTS contact_id bigint;

ALTER TABLE conversations
    ADD CONSTRAINT conversations_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts (id) NOT VALID;

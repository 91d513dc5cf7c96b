-- conversations.intent_label_enum: the typed twin of the legacy varchar column conversations.intent_label, of the Postgres ENUM intent_label.
-- The backend maps conversations.intent_label as a string, and Hibernate re-types a mapped column whose type differs from its entity,
-- so the legacy column is never converted: the typed one is added beside it (nullable, no default, so adding it
-- rewrites nothing). inboop-db's Java writes both in the same statement; rows written elsewhere, or before this
-- column existed, are filled by the backfill job; a legacy value with no equivalent leaves it NULL and is kept as
-- it is. The whole path, and the final step for when the backend's entities switch: docs/typed-status-columns.md.

ALTER TABLE conversations ADD COLUMN IF NOT EXISTS intent_label_enum intent_label;

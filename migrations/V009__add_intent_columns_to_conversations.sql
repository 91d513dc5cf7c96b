-- The intent classifier's verdict on a conversation (design: Conversations, intent_label, intent_confidence,
-- intent_evaluated_at): one logical change, since the three are always written together. Confidence is a score in
-- [0, 1] with three decimals; the range is the classifier's contract, kept in service code.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE conversations
    ADD COLUMN IF NOT EXISTS intent_label intent_label,
    ADD COLUMN IF NOT EXISTS intent_confidence numeric(4, 3),
    ADD COLUMN IF NOT EXISTS intent_evaluated_at timestamptz;

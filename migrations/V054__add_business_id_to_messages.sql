-- messages.business_id: the business of the message's conversation, carried on the message so that the inbox's
-- text search is scoped to the caller's workspace by an index (V058: business and text in one GIN index) instead
-- of finding every workspace's matching messages first and keeping the caller's. It is derived, never written by
-- hand: V055 fills it on every INSERT and UPDATE of a message (the backend's included), V056 follows a conversation
-- that moves to another business, and the message-businesses job fills the rows written before V055.
-- NULL means "not filled yet": the queries still find such messages (through V059's index), so search stays
-- complete while the job runs.
-- Nullable, without a default or a foreign key (the conversation's own key holds it): a catalog change only.

ALTER TABLE messages ADD COLUMN IF NOT EXISTS business_id bigint;

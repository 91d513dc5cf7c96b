-- conversation_count_changes: the inbox's tab counts (InboxQuery.tabCounts: active, unassigned, mine, unread, per
-- intent label) kept per business as conversations change, so that reading them costs a business's few groups
-- rather than a scan of its active conversations (20 to 30 ms for 100,000, growing with the workspace).
--
-- A group is (business, assignee, effective intent label, unread or not) over active conversations (neither archived
-- nor deleted). V065's trigger appends -1 for the group a conversation leaves and +1 for the one it joins, in the
-- writer's transaction, whoever the writer is (the backend through JPA included). Writers only ever append: they
-- never update or lock a row of this table, so no two of them wait for each other here. Now and then V065's
-- inboop_fold_conversation_counts replaces a business's rows by their sums per group, so that they stay few.
-- A business's sums are its counts once conversation_counts_kept (V064) names it.
--
-- A new, empty table: no existing row is touched or locked.

CREATE TABLE conversation_count_changes (
    business_id         bigint               NOT NULL,
    assigned_to_user_id bigint,
    intent_label        public.intent_label,
    unread              boolean              NOT NULL,
    change              integer              NOT NULL
);

CREATE INDEX idx_conversation_count_changes_business ON conversation_count_changes (business_id);

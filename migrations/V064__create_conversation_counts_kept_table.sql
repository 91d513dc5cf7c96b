-- conversation_counts_kept: the businesses whose tab counts conversation_count_changes (V063) holds whole. A business
-- is named here when its count started from nothing (created after V066, which names it as it is inserted) or when
-- the inbox-tab-counts job has written its base (its active conversations counted at one instant, with the changes
-- recorded before that instant replaced). For a business not named here, InboxQuery.tabCounts counts its
-- conversations as before: the counts are right either way, only their cost differs.
-- To recount a business (after writes made with triggers disabled, session_replication_role = replica): delete its
-- row here and run the inbox-tab-counts job.
--
-- A new, empty table.

CREATE TABLE conversation_counts_kept (
    business_id bigint    PRIMARY KEY,
    kept_since  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

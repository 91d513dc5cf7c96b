-- One row per channel message: a webhook that delivers a message twice cannot store it twice (design: Messages,
-- channel_message_id). Unique per conversation; rows without a channel id are not constrained.
-- Built CONCURRENTLY, so reads and writes go on while it builds; that cannot run in a transaction, hence the
-- .sql.conf beside this file. CONCURRENTLY waits for transactions older than itself without blocking anyone, so
-- this migration lifts the session's lock_timeout (beforeEachMigrate.sql sets it again for the next migration).
-- If the build fails, Postgres leaves an INVALID index of this name that IF NOT EXISTS would then skip: drop it
-- with DROP INDEX CONCURRENTLY before running the migration again.

SET lock_timeout = 0;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS messages_conversation_id_channel_message_id_key
    ON messages (conversation_id, channel_message_id)
    WHERE channel_message_id IS NOT NULL;

package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.CONVERSATION_COUNTS_KEPT;
import static com.inboop.db.schema.Tables.CONVERSATION_COUNT_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.TabCounts;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.InboxTabCountsBackfill;
import com.inboop.db.replica.BackendWrites;
import com.inboop.db.replica.MigratedReplica;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.schema.enums.IntentLabel;

/**
 * The inbox's tab counts kept per business (V063..V066) are the counts of its conversations at every moment, whoever
 * writes and however many write at once: the unchanged backend (every mapped column in every UPDATE, legacy intent
 * labels, several connections), folds running beside the writers, and the inbox-tab-counts job counting a business
 * while it is being written. Each check compares {@link InboxQuery#tabCounts} with the counts taken from the
 * conversations by a statement of this test's own.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class KeptTabCountsTest {

    /** The workspace Asha owns: businesses 1 and 2 of the replica, placed there by V040; users 1 (owner) and 2. */
    private static final long WORKSPACE = 1;
    private static final long OWNER = 1;
    private static final long MEMBER = 2;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @Test
    void theCountsAreTheConversationsBeforeTheJobAfterItAndUnderEveryKindOfWrite(TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, ProductionReplica.State.HISTORY_ONLY);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            InboxQuery inbox = new InboxQuery(dsl);
            assertThat(dsl.fetchCount(CONVERSATION_COUNTS_KEPT)).as("production's businesses predate V066").isZero();
            TabCounts before = inbox.tabCounts(WORKSPACE, OWNER);
            assertThat(before).isEqualTo(counted(dataSource, OWNER));
            assertThat(before.active()).isPositive();

            // Counted from the conversations until the job, the same numbers after it, from the kept sums.
            new BackfillRunner(dsl, line -> { }).run(new InboxTabCountsBackfill(), BackfillOptions.defaults());
            assertThat(dsl.fetchCount(CONVERSATION_COUNTS_KEPT)).isEqualTo(dsl.fetchCount(
                    com.inboop.db.schema.Tables.BUSINESSES));
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(before);

            // The backend: a new conversation, an assignment, a message (unread), a legacy intent, the member's view.
            long created = backend.insert("conversations", conversation(1, "INSTAGRAM", "new.buyer"));
            backend.update("conversations", created, Map.of("assigned_to_user_id", MEMBER));
            backend.update("conversations", 1, Map.of("unread_count", 0, "intent_label", " support"));
            backend.update("conversations", 2, Map.of("unread_count", 4, "assigned_to_user_id", OWNER));
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
            assertThat(inbox.tabCounts(WORKSPACE, MEMBER)).isEqualTo(counted(dataSource, MEMBER));
            // The module: archive, unarchive, soft delete; a conversation moved to the other business.
            inbox.archive(WORKSPACE, created);
            inbox.unarchive(WORKSPACE, 3);
            inbox.softDelete(WORKSPACE, 5);
            backend.update("conversations", 2, Map.of("business_id", 1L));
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
            // A new business, created by the backend after V066: kept from its first conversation, no job.
            long business = newBusinessOfTheOwner(backend);
            assertThat(dsl.fetchExists(CONVERSATION_COUNTS_KEPT, CONVERSATION_COUNTS_KEPT.BUSINESS_ID.eq(business)))
                    .isTrue();
            long purged = backend.insert("conversations", conversation(business, "WHATSAPP", "+91900"));
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
            // A hard delete, as a purge makes it.
            dsl.execute("DELETE FROM conversations WHERE id = " + purged);
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
        }
    }

    @Test
    void manyWritersAtOnceFoldsBesideThemAndTheJobAmongThemLeaveTheCountsExact(TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, ProductionReplica.State.HIBERNATE_DRIFT);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            List<Long> conversations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                conversations.add(backend.insert("conversations", conversation(1 + i % 2, "INSTAGRAM", "c" + i)));
            }

            ExecutorService pool = Executors.newFixedThreadPool(6);
            AtomicBoolean writing = new AtomicBoolean(true);
            try {
                List<Future<Integer>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Random random = new Random(w);
                    writers.add(pool.submit(() -> write(backend, dataSource, conversations, random, 150)));
                }
                // Folds as often as they can, and the job counting both businesses in the middle of the writes.
                Future<Integer> folds = pool.submit(() -> fold(dataSource, writing));
                Future<?> job = pool.submit(() -> new BackfillRunner(dsl, line -> { })
                        .run(new InboxTabCountsBackfill(), new BackfillOptions(1, BackfillOptions.defaults()
                                .lockTimeout(), BackfillOptions.defaults().statementTimeout(), false)));
                int written = 0;
                for (Future<Integer> writer : writers) {
                    written += writer.get();
                }
                job.get();
                writing.set(false);
                assertThat(folds.get()).as("folds run beside the writers").isPositive();
                assertThat(written).isEqualTo(600);
            } finally {
                writing.set(false);
                pool.shutdownNow();
            }

            InboxQuery inbox = new InboxQuery(dsl);
            assertThat(dsl.fetchCount(CONVERSATION_COUNTS_KEPT)).as("the job kept every business").isPositive();
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
            assertThat(inbox.tabCounts(WORKSPACE, MEMBER)).isEqualTo(counted(dataSource, MEMBER));
            dsl.execute("SELECT inboop_fold_conversation_counts(1), inboop_fold_conversation_counts(2)");
            assertThat(inbox.tabCounts(WORKSPACE, OWNER)).isEqualTo(counted(dataSource, OWNER));
            assertThat(dsl.fetchCount(CONVERSATION_COUNT_CHANGES)).as("folded: one row per group at most")
                    .isLessThanOrEqualTo(2 * 3 * 2 * (IntentLabel.values().length + 1));
        }
    }

    /** {@code count} changes as the backend makes them, each on a connection of its own, on random conversations. */
    private static int write(BackendWrites backend, DataSource dataSource, List<Long> conversations, Random random,
                             int count) throws Exception {
        Object[] assignees = {null, OWNER, MEMBER};
        Object[] labels = {null, "BUYING", " buying", "SUPPORT", "spam", "no such label"};
        for (int i = 0; i < count; i++) {
            long conversation = conversations.get(random.nextInt(conversations.size()));
            Map<String, Object> changes = new HashMap<>();
            switch (random.nextInt(5)) {
                case 0 -> changes.put("assigned_to_user_id", assignees[random.nextInt(assignees.length)]);
                case 1 -> changes.put("unread_count", random.nextInt(3));
                case 2 -> changes.put("intent_label", labels[random.nextInt(labels.length)]);
                case 3 -> changes.put("archived_at", random.nextBoolean() ? null : Timestamp.valueOf(NOW));
                default -> changes.put("last_message_at", Timestamp.valueOf(NOW.plusSeconds(i)));
            }
            if (random.nextInt(4) == 0) {
                // Two conversations in one transaction, as one flush: their groups' changes interleave.
                long other = conversations.get(random.nextInt(conversations.size()));
                try (Connection connection = dataSource.getConnection()) {
                    backend.updateBatch(connection, "conversations", other == conversation ? Map.of(conversation,
                            changes) : Map.of(conversation, changes, other, Map.of("unread_count", 1)));
                }
            } else {
                backend.update("conversations", conversation, changes);
            }
        }
        return count;
    }

    private static int fold(DataSource dataSource, AtomicBoolean writing) throws Exception {
        int folds = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            while (writing.get()) {
                statement.execute("SELECT inboop_fold_conversation_counts(1), inboop_fold_conversation_counts(2)");
                folds++;
            }
        }
        return folds;
    }

    private static long newBusinessOfTheOwner(BackendWrites backend) {
        Map<String, Object> business = new HashMap<>();
        business.put("name", "Asha Crafts FB");
        business.put("owner_id", OWNER);
        business.put("webhook_verified", false);
        business.put("is_active", true);
        return backend.insert("businesses", business);
    }

    private static Map<String, Object> conversation(long business, String channel, String handle) {
        Map<String, Object> values = new HashMap<>();
        values.put("business_id", business);
        values.put("channel", channel);
        values.put("customer_handle", handle);
        values.put("unread_count", 1);
        values.put("lead_count", 0);
        values.put("order_count", 0);
        values.put("last_message_at", Timestamp.valueOf(NOW));
        return values;
    }

    /** The tab counts taken from the conversations themselves, by this test's own statement. */
    private static TabCounts counted(DataSource dataSource, long user) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT count(*), count(*) FILTER (WHERE assigned_to_user_id IS NULL), "
                + "count(*) FILTER (WHERE assigned_to_user_id = ?), count(*) FILTER (WHERE unread_count > 0)");
        for (IntentLabel label : IntentLabel.values()) {
            sql.append(", count(*) FILTER (WHERE coalesce(intent_label_enum, inboop_intent_label(intent_label)) = '")
                    .append(label.getLiteral()).append("')");
        }
        sql.append(" FROM conversations WHERE archived_at IS NULL AND deleted_at IS NULL "
                + "AND business_id IN (SELECT id FROM businesses WHERE workspace_id = ").append(WORKSPACE).append(')');
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setLong(1, user);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Map<IntentLabel, Long> byIntent = new EnumMap<>(IntentLabel.class);
                for (IntentLabel label : IntentLabel.values()) {
                    byIntent.put(label, rs.getLong(5 + label.ordinal()));
                }
                return new TabCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), byIntent);
            }
        }
    }
}

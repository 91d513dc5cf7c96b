package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.MessageBusinessBackfill;
import com.inboop.db.replica.BackendWrites;
import com.inboop.db.replica.MigratedReplica;
import com.inboop.db.replica.ProductionReplica;

/**
 * {@code messages.business_id} (V054..V056), which scopes the inbox's message search to a workspace, stays the
 * business of the message's conversation under everything the unchanged backend writes (it never names the column),
 * with no job running; the message-businesses job fills the rows written before, and a second run finds nothing.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class MessageBusinessTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @ParameterizedTest
    @EnumSource(value = ProductionReplica.State.class, names = {"HISTORY_ONLY", "HIBERNATE_DRIFT"})
    void everyMessageCarriesItsConversationsBusinessWhoeverWroteIt(ProductionReplica.State state, TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, state);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            int existing = dsl.fetchCount(MESSAGES);
            assertThat(dsl.fetchCount(MESSAGES, MESSAGES.BUSINESS_ID.isNull())).as("rows from before V055")
                    .isEqualTo(existing).isPositive();

            // The backend saves new messages: conversation 1 is business 1's, conversation 2 business 2's.
            long first = backend.insert("messages", message(1, "is the red dress in stock?"));
            long second = backend.insert("messages", message(2, "where is my parcel"));
            assertThat(businessOf(dsl, first)).isEqualTo(1L);
            assertThat(businessOf(dsl, second)).isEqualTo(2L);

            // It marks an old message read (every mapped column set): the row is filled on the way.
            backend.update("messages", 1, Map.of("is_read", false));
            assertThat(businessOf(dsl, 1)).isEqualTo(1L);

            // A message moved to another conversation, and a writer who names the column wrongly.
            backend.update("messages", first, Map.of("conversation_id", 2L));
            dsl.update(MESSAGES).set(MESSAGES.BUSINESS_ID, 5L).where(MESSAGES.ID.eq(second)).execute();
            assertThat(businessOf(dsl, first)).isEqualTo(2L);
            assertThat(businessOf(dsl, second)).as("derived, whatever is written").isEqualTo(2L);

            // A conversation moves to another business: its messages follow in the same statement.
            backend.update("conversations", 2, Map.of("business_id", 1L));
            assertThat(businessOf(dsl, first)).isEqualTo(1L);
            assertThat(businessOf(dsl, second)).isEqualTo(1L);
            // Conversation 2's message from production (id 4) is among them, filled by the move.
            assertThat(businessOf(dsl, 4)).isEqualTo(1L);

            BackfillRunner runner = new BackfillRunner(dsl, line -> { });
            runner.run(new MessageBusinessBackfill(), new BackfillOptions(3, BackfillOptions.defaults().lockTimeout(),
                    BackfillOptions.defaults().statementTimeout(), false));

            assertThat(dsl.fetchCount(MESSAGES, MESSAGES.BUSINESS_ID.isNull())).isZero();
            assertThat(dsl.fetchCount(MESSAGES.join(CONVERSATIONS).on(CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID)),
                    MESSAGES.BUSINESS_ID.ne(CONVERSATIONS.BUSINESS_ID))).as("messages off their conversation's business")
                    .isZero();
            assertThat(runner.run(new MessageBusinessBackfill(), BackfillOptions.defaults()).changed()).isZero();
        }
    }

    private static Long businessOf(DSLContext dsl, long message) {
        return dsl.select(MESSAGES.BUSINESS_ID).from(MESSAGES).where(MESSAGES.ID.eq(message)).fetchSingle().value1();
    }

    /** A message as the backend's entity saves it. */
    private static Map<String, Object> message(long conversation, String text) {
        Map<String, Object> values = new HashMap<>();
        values.put("conversation_id", conversation);
        values.put("sender_id", "igsid-" + conversation);
        values.put("is_from_customer", true);
        values.put("original_text", text);
        values.put("is_read", false);
        values.put("sent_at", Timestamp.valueOf(NOW));
        return values;
    }
}

package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The one rule the sync triggers (V041 to V043) apply to every writer, row by row of the table in
 * docs/typed-status-columns.md: the typed column is what the legacy one means, unless a statement writes the typed
 * column alone, to another meaning, which the legacy column then takes.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class SyncRulesTest {

    private final DSLContext dsl;
    private final Seed seed;
    private long workspace;

    SyncRulesTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    @BeforeEach
    void aWorkspace() {
        workspace = seed.workspace("sync rules " + System.nanoTime());
    }

    @Test
    void aLegacyWriteSetsTheTypedColumnAndKeepsItsOwnSpelling() {
        long lead = seed.legacyLead(workspace, " contacted", 1);
        assertThat(lead(lead)).isEqualTo(" contacted|NEW");

        dsl.update(LEADS).set(LEADS.STATUS, "Lost").where(LEADS.ID.eq(lead)).execute();
        assertThat(lead(lead)).isEqualTo("Lost|LOST");

        dsl.update(LEADS).set(LEADS.STATUS, "ARCHIVED").where(LEADS.ID.eq(lead)).execute();
        assertThat(lead(lead)).as("no equivalent: NULL, never guessed").isEqualTo("ARCHIVED|null");
    }

    @Test
    void aTypedWriteAloneReachesTheLegacyColumnUnlessItMeansWhatTheLegacyValueMeans() {
        long lead = seed.legacyLead(workspace, "CONTACTED", 1);

        dsl.update(LEADS).set(LEADS.STATUS_ENUM, LeadStatus.NEW).where(LEADS.ID.eq(lead)).execute();
        assertThat(lead(lead)).as("the same meaning: the backend's spelling stays").isEqualTo("CONTACTED|NEW");

        dsl.update(LEADS).set(LEADS.STATUS_ENUM, LeadStatus.CONVERTED).where(LEADS.ID.eq(lead)).execute();
        assertThat(lead(lead)).isEqualTo("CONVERTED|CONVERTED");

        dsl.update(LEADS).set(LEADS.STATUS_ENUM, (LeadStatus) null).where(LEADS.ID.eq(lead)).execute();
        assertThat(lead(lead)).as("NULL is no status: the legacy value's meaning again").isEqualTo("CONVERTED|CONVERTED");
    }

    @Test
    void whenAStatementWritesBothTheyStayAsWrittenIfTheyAgreeElseTheLegacyColumnWins() {
        long lead = seed.legacyLead(workspace, "NEW", 1);

        dsl.update(LEADS).set(LEADS.STATUS, "LOST").set(LEADS.STATUS_ENUM, LeadStatus.LOST).where(LEADS.ID.eq(lead))
                .execute();
        assertThat(lead(lead)).isEqualTo("LOST|LOST");

        dsl.update(LEADS).set(LEADS.STATUS, "spam").set(LEADS.STATUS_ENUM, LeadStatus.NEW).where(LEADS.ID.eq(lead))
                .execute();
        assertThat(lead(lead)).isEqualTo("spam|CLOSED");
    }

    @Test
    void anInsertThatNamesTheTypedColumnMeansIt() {
        long lead = dsl.insertInto(LEADS, LEADS.BUSINESS_ID, LEADS.INSTAGRAM_USER_ID, LEADS.STATUS_ENUM)
                .values(seed.businessOf(workspace), "ig-typed", LeadStatus.LOST)
                .returning(LEADS.ID).fetchOne().getId();
        assertThat(lead(lead)).as("the column default 'NEW' gives way").isEqualTo("LOST|LOST");
    }

    @Test
    void theAssigneePairFollowsEitherSideUnassigningIncluded() {
        long agent = seed.user(workspace, "agent@sync.example");
        long lead = seed.legacyLead(workspace, "NEW", 1);

        seed.assignLegacy(lead, agent);
        assertThat(assignee(lead)).isEqualTo(agent + "|" + agent);

        dsl.update(LEADS).set(LEADS.ASSIGNED_TO_USER_ID, (Long) null).where(LEADS.ID.eq(lead)).execute();
        assertThat(assignee(lead)).as("a typed unassign reaches the backend's column").isEqualTo("null|null");
    }

    @Test
    void anOrdersPaymentFollowsItsLegacyFulfilmentStatusToo() {
        long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.PAID, 1);

        dsl.update(ORDERS).set(ORDERS.STATUS, "REFUNDED").where(ORDERS.ID.eq(order)).execute();

        Record row = dsl.select(ORDERS.STATUS, ORDERS.STATUS_ENUM, ORDERS.PAYMENT_STATUS, ORDERS.PAYMENT_STATUS_ENUM)
                .from(ORDERS).where(ORDERS.ID.eq(order)).fetchOne();
        assertThat(row.intoList()).containsExactly("REFUNDED", null, "PAID", PaymentStatus.REFUNDED);
    }

    @Test
    void aStatementThatTouchesNeitherColumnLeavesAnOlderDisagreementForTheRepairJob() {
        long[] lead = new long[1];
        seed.beforeTheTriggers(old -> {
            lead[0] = old.legacyLead(workspace, "LOST", 1);
            old.typed(lead[0], LeadStatus.NEW);
        });

        dsl.update(LEADS).set(LEADS.NOTES, "touched").set(LEADS.STATUS, LEADS.STATUS).where(LEADS.ID.eq(lead[0]))
                .execute();

        assertThat(lead(lead[0])).isEqualTo("LOST|NEW");
    }

    @Test
    void anIntentLabelFollowsEitherSide() {
        var conversation = seed.conversation(workspace, "INSTAGRAM", 1);
        seed.update(conversation, c -> c.setIntentLabel("browsing "));
        assertThat(intent(conversation.getId())).isEqualTo("browsing |BROWSING");

        dsl.update(CONVERSATIONS).set(CONVERSATIONS.INTENT_LABEL_ENUM, IntentLabel.BUYING)
                .where(CONVERSATIONS.ID.eq(conversation.getId())).execute();
        assertThat(intent(conversation.getId())).isEqualTo("BUYING|BUYING");
    }

    private String lead(long id) {
        return dsl.select(LEADS.STATUS, LEADS.STATUS_ENUM).from(LEADS).where(LEADS.ID.eq(id))
                .fetchOne(r -> r.value1() + "|" + r.value2());
    }

    private String assignee(long id) {
        return dsl.select(LEADS.ASSIGNED_TO, LEADS.ASSIGNED_TO_USER_ID).from(LEADS).where(LEADS.ID.eq(id))
                .fetchOne(r -> r.value1() + "|" + r.value2());
    }

    private String intent(long id) {
        return dsl.select(CONVERSATIONS.INTENT_LABEL, CONVERSATIONS.INTENT_LABEL_ENUM).from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(id)).fetchOne(r -> r.value1() + "|" + r.value2());
    }
}

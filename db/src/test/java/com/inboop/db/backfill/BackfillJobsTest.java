package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONTACT_HANDLES;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/** Each job on legacy-shaped data, re-runs, dry runs, interruptions, and the application writing meanwhile. */
@ExtendWith(MigratedDatabaseExtension.class)
class BackfillJobsTest {

    private final DSLContext dsl;
    private final Seed seed;
    private final List<String> progress = new ArrayList<>();
    private final BackfillRunner runner;
    private long workspace;

    BackfillJobsTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.runner = new BackfillRunner(dsl, progress::add);
    }

    @BeforeEach
    void cleanSlate() {
        // Jobs work on the whole database: each test starts from its own rows only.
        for (var table : List.of(MESSAGES, ORDERS, LEADS)) {
            dsl.deleteFrom(table).execute();
        }
        dsl.update(CONVERSATIONS).set(CONVERSATIONS.CONTACT_ID, (Long) null).execute();
        dsl.deleteFrom(CONTACT_HANDLES).execute();
        dsl.deleteFrom(CONTACTS).execute();
        dsl.deleteFrom(CONVERSATIONS).execute();
        workspace = seed.workspace("legacy shop");
    }

    private static BackfillOptions batches(int size) {
        return BackfillOptions.defaults().withBatchSize(size);
    }

    @Test
    void leadStatusBecomesNewWhereItIsNullAndAReRunChangesNothing() {
        long legacy1 = seed.lead(workspace, null, null, 1);
        long legacy2 = seed.lead(workspace, null, null, 2);
        long converted = seed.lead(workspace, LeadStatus.CONVERTED, "MANUAL", 3);

        BackfillSummary first = runner.run(new LeadStatusBackfill(), batches(1));
        BackfillSummary second = runner.run(new LeadStatusBackfill(), batches(1));

        assertThat(dsl.select(LEADS.ID, LEADS.STATUS).from(LEADS).orderBy(LEADS.ID).fetchMap(LEADS.ID, LEADS.STATUS))
                .containsEntry(legacy1, LeadStatus.NEW).containsEntry(legacy2, LeadStatus.NEW)
                .containsEntry(converted, LeadStatus.CONVERTED);
        assertThat(first.changed()).isEqualTo(2);
        assertThat(first.batches()).isEqualTo(2);
        assertThat(second.changed()).isZero();
        assertThat(second.scanned()).isZero();
    }

    @Test
    void messageOriginComesFromTheLegacyFlagAndKeepsWhatIsAlreadySet() {
        long conversation = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        seed.message(conversation, "hi, is this available?", 10);
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.BODY, MESSAGES.IS_FROM_CUSTOMER,
                MESSAGES.CREATED_AT).values(conversation, "yes!", false, Seed.NOW.minusMinutes(9)).execute();
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.BODY, MESSAGES.IS_FROM_CUSTOMER,
                        MESSAGES.DIRECTION, MESSAGES.SENDER_TYPE, MESSAGES.CREATED_AT)
                .values(conversation, "auto-reply", false, "OUTBOUND", "AUTOMATION", Seed.NOW.minusMinutes(8)).execute();

        runner.run(new MessageOriginBackfill(), batches(2));

        assertThat(dsl.select(MESSAGES.BODY, MESSAGES.DIRECTION, MESSAGES.SENDER_TYPE, MESSAGES.SENT_AT)
                .from(MESSAGES).orderBy(MESSAGES.ID).fetch().map(r -> r.value1() + "|" + r.value2() + "|"
                        + r.value3() + "|" + r.value4().toInstant()))
                .containsExactly(
                        "hi, is this available?|INBOUND|CUSTOMER|" + Seed.NOW.minusMinutes(10).toInstant(),
                        "yes!|OUTBOUND|AGENT|" + Seed.NOW.minusMinutes(9).toInstant(),
                        "auto-reply|OUTBOUND|AUTOMATION|" + Seed.NOW.minusMinutes(8).toInstant());
        assertThat(runner.run(new MessageOriginBackfill(), batches(2)).changed()).isZero();
    }

    @Test
    void firstMessageAtAndCountsComeFromTheLiveRows() {
        long talked = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        seed.message(talked, "second", 5);
        seed.message(talked, "first", 10);
        long silent = seed.conversation(workspace, "INSTAGRAM", 2).getId();
        long counted = seed.update(seed.conversation(workspace, "WHATSAPP", 3), c -> {
            c.setLeadCount(7);
            c.setOrderCount(7);
        }).getId();
        long lead = seed.lead(workspace, LeadStatus.NEW, "INSTAGRAM_DM", 1);
        long deletedLead = seed.lead(workspace, LeadStatus.NEW, "INSTAGRAM_DM", 1);
        long order = seed.order(workspace, OrderStatus.PENDING, PaymentStatus.UNPAID, 1);
        dsl.update(LEADS).set(LEADS.CONVERSATION_ID, talked).where(LEADS.ID.in(lead, deletedLead)).execute();
        dsl.update(LEADS).set(LEADS.DELETED_AT, Seed.NOW).where(LEADS.ID.eq(deletedLead)).execute();
        dsl.update(ORDERS).set(ORDERS.CONVERSATION_ID, talked).where(ORDERS.ID.eq(order)).execute();

        BackfillSummary first = runner.run(new FirstMessageAtBackfill(), batches(10));
        runner.run(new ConversationCountsBackfill(), batches(10));

        assertThat(first.unresolved()).as("the two conversations without messages").isEqualTo(2);
        var rows = dsl.selectFrom(CONVERSATIONS).fetchMap(CONVERSATIONS.ID);
        assertThat(rows.get(talked).getFirstMessageAt()).isEqualTo(Seed.NOW.minusMinutes(10));
        assertThat(rows.get(silent).getFirstMessageAt()).isNull();
        assertThat(rows.get(talked).getLeadCount()).isEqualTo(1);
        assertThat(rows.get(talked).getOrderCount()).isEqualTo(1);
        assertThat(rows.get(silent).getLeadCount()).isZero();
        assertThat(rows.get(counted).getLeadCount()).as("kept: the application's value").isEqualTo(7);
        assertThat(runner.run(new FirstMessageAtBackfill(), batches(10)).changed()).isZero();
        assertThat(runner.run(new ConversationCountsBackfill(), batches(10)).changed()).isZero();
    }

    @Test
    void contactsAreFoundOrCreatedPerHandleAndNeverMerged() {
        long other = seed.workspace("other shop");
        ConversationsRecord sara1 = handle(workspace, "INSTAGRAM", "sara.designs", "Sara");
        ConversationsRecord sara2 = handle(workspace, "INSTAGRAM", "sara.designs", null);
        ConversationsRecord saraOnWhatsapp = handle(workspace, "WHATSAPP", "sara.designs", "Sara");
        ConversationsRecord saraElsewhere = handle(other, "INSTAGRAM", "sara.designs", "Sara");
        ConversationsRecord noHandle = handle(workspace, "INSTAGRAM", null, "Anonymous");
        long existing = seed.contact(workspace, "Known Buyer");
        dsl.insertInto(CONTACT_HANDLES, CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CONTACT_ID,
                CONTACT_HANDLES.CHANNEL, CONTACT_HANDLES.HANDLE).values(workspace, existing, "INSTAGRAM", "known.buyer")
                .execute();
        ConversationsRecord known = handle(workspace, "INSTAGRAM", "known.buyer", "Someone");

        BackfillSummary summary = runner.run(new ContactLinkBackfill(), batches(2));

        var linked = dsl.select(CONVERSATIONS.ID, CONVERSATIONS.CONTACT_ID).from(CONVERSATIONS)
                .fetchMap(CONVERSATIONS.ID, CONVERSATIONS.CONTACT_ID);
        assertThat(linked.get(sara1.getId())).isNotNull().isEqualTo(linked.get(sara2.getId()));
        assertThat(Set.of(linked.get(sara1.getId()), linked.get(saraOnWhatsapp.getId()),
                linked.get(saraElsewhere.getId()))).as("one customer per workspace, channel and handle").hasSize(3);
        assertThat(linked.get(known.getId())).isEqualTo(existing);
        assertThat(linked.get(noHandle.getId())).isNull();
        assertThat(summary.unresolved()).isEqualTo(1);
        assertThat(dsl.select(CONTACTS.DISPLAY_NAME).from(CONTACTS).where(CONTACTS.ID.eq(linked.get(sara1.getId())))
                .fetchOne(CONTACTS.DISPLAY_NAME)).isEqualTo("Sara");
        assertThat(dsl.fetchCount(CONTACTS)).isEqualTo(4);
        assertThat(runner.run(new ContactLinkBackfill(), batches(2)).changed()).isZero();
        assertThat(dsl.fetchCount(CONTACTS)).as("a re-run creates no contact").isEqualTo(4);
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothing() {
        for (int i = 0; i < 5; i++) {
            handle(workspace, "INSTAGRAM", "customer" + i, null);
        }

        BackfillSummary dry = runner.run(new ContactLinkBackfill(), batches(2).withDryRun(true));

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.changed()).isEqualTo(5);
        assertThat(dry.describe()).contains("(dry run)").contains("5 would change");
        assertThat(dsl.fetchCount(CONTACTS)).isZero();
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNotNull())).isZero();
    }

    @Test
    void interruptedBetweenBatchesThenRestartedItCompletesWithoutDuplicatesOrSkips() {
        seedCustomers(60, 20);

        assertThatThrownBy(() -> runner.run(new ContactLinkBackfill(), batches(7), batch -> {
            if (batch == 3) {
                Thread.currentThread().interrupt();
            }
        })).isInstanceOf(BackfillRunner.BackfillInterruptedException.class)
                .hasMessageContaining("run it again to finish");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNotNull())).isEqualTo(21);

        runner.run(new ContactLinkBackfill(), batches(7));

        assertCompleteWithoutDuplicates(60, 20);
    }

    @Test
    void failingInsideABatchRollsItBackAndARestartCompletes() {
        seedCustomers(60, 20);

        assertThatThrownBy(() -> runner.run(new ContactLinkBackfill(), batches(7), batch -> {
            if (batch == 2) {
                throw new IllegalStateException("killed inside batch 2");
            }
        })).hasMessageContaining("killed inside batch 2");
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNotNull())).as("batch 1 only").isEqualTo(7);

        runner.run(new ContactLinkBackfill(), batches(7));

        assertCompleteWithoutDuplicates(60, 20);
    }

    @Test
    void applicationWritesDuringAJobAreNeverOverwritten() throws Exception {
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            leads.add(seed.lead(workspace, null, null, i));
        }
        Set<Long> movedByTheApp = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService app = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = app.submit(() -> {
                int i = 0;
                while (running.get() && i < leads.size()) {
                    long lead = leads.get((i * 37) % leads.size());
                    dsl.update(LEADS).set(LEADS.STATUS, LeadStatus.LOST).where(LEADS.ID.eq(lead)).execute();
                    movedByTheApp.add(lead);
                    i++;
                }
            });
            runner.run(new LeadStatusBackfill(), batches(25));
            running.set(false);
            writer.get();
        } finally {
            app.shutdownNow();
        }

        var statuses = dsl.select(LEADS.ID, LEADS.STATUS).from(LEADS).fetchMap(LEADS.ID, LEADS.STATUS);
        assertThat(movedByTheApp).isNotEmpty();
        movedByTheApp.forEach(lead -> assertThat(statuses.get(lead)).as("lead %d", lead).isEqualTo(LeadStatus.LOST));
        assertThat(statuses.values()).containsOnly(LeadStatus.NEW, LeadStatus.LOST);
    }

    @Test
    void reportsProgressWithTotalRateAndEta() {
        for (int i = 0; i < 5; i++) {
            seed.lead(workspace, null, null, i);
        }
        List<String> lines = new ArrayList<>();

        new BackfillRunner(dsl, lines::add, Duration.ZERO).run(new LeadStatusBackfill(), batches(2));

        assertThat(lines.get(0)).matches("lead-status: 2 / 5 rows \\(40\\.0%\\), [\\d,]+ rows/s, ETA .+");
        assertThat(lines.get(lines.size() - 1)).startsWith("lead-status: 5 rows scanned, 5 changed, 0 unresolved, "
                + "3 batches in ");
    }

    @Test
    void theCommandLineRunsAJobAgainstAJdbcUrl() {
        seed.lead(workspace, null, null, 1);
        var database = dsl.configuration().connectionProvider();
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());

        assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status", "--dry-run"})).isZero();
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS.isNull())).isEqualTo(1);
        assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status"})).isZero();
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS.isNull())).isZero();
        assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "everything"})).isEqualTo(2);
        assertThat(database).isNotNull();
    }

    private ConversationsRecord handle(long workspaceId, String channel, String handle, String name) {
        return seed.update(seed.conversation(workspaceId, channel, 1), c -> {
            c.setCustomerHandle(handle);
            c.setCustomerName(name);
        });
    }

    private void seedCustomers(int conversations, int customers) {
        for (int i = 0; i < conversations; i++) {
            handle(workspace, "INSTAGRAM", "customer" + (i % customers), null);
        }
    }

    private void assertCompleteWithoutDuplicates(int conversations, int customers) {
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNull())).as("rows skipped").isZero();
        assertThat(dsl.fetchCount(CONTACTS)).as("contacts").isEqualTo(customers);
        assertThat(dsl.fetchCount(CONTACT_HANDLES)).as("handles").isEqualTo(customers);
        assertThat(dsl.fetchCount(CONVERSATIONS)).isEqualTo(conversations);
        assertThat(dsl.select(org.jooq.impl.DSL.countDistinct(CONVERSATIONS.CONTACT_ID)).from(CONVERSATIONS)
                .fetchOne(0, Integer.class)).isEqualTo(customers);
    }
}

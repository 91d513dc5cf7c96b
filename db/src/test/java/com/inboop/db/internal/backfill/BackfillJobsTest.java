package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import com.inboop.db.internal.cli.BackfillCommand;
import com.inboop.db.schema.enums.IntentLabel;
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
        dsl.deleteFrom(CONTACTS).execute();
        dsl.deleteFrom(CONVERSATIONS).execute();
        workspace = seed.workspace("legacy shop");
    }

    private static BackfillOptions batches(int size) {
        return BackfillOptions.defaults().withBatchSize(size);
    }

    private Map<Long, LeadStatus> typedLeadStatuses() {
        return dsl.select(LEADS.ID, LEADS.STATUS_ENUM).from(LEADS).fetchMap(LEADS.ID, LEADS.STATUS_ENUM);
    }

    /** Legacy leads written before the sync triggers existed: typed column as given (NULL for a legacy-only one). */
    private Map<String, Long> leadsBeforeTheTriggers(Map<String, LeadStatus> legacyAndTyped) {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        seed.beforeTheTriggers(old -> legacyAndTyped.forEach((legacy, typed) -> {
            long id = old.legacyLead(workspace, legacy, 1);
            if (typed != null) {
                old.typed(id, typed);
            }
            ids.put(legacy, id);
        }));
        return ids;
    }

    @Test
    void leadStatusFillsWhatIsMissingRepairsWhatContradictsAndNeverGuessesOrWritesTheLegacyColumn() {
        Map<String, LeadStatus> written = new java.util.LinkedHashMap<>();
        for (String legacy : List.of("NEW", "CONTACTED", "QUALIFIED", "NEGOTIATING", "CLOSED", "SPAM", "Qualified ",
                "new", " LOST", "ARCHIVED")) {
            written.put(legacy, null);
        }
        written.put("CONVERTED", LeadStatus.NEW); // inboop-db wrote NEW; the backend later converted it alone
        written.put("LOST", LeadStatus.LOST); // agrees already
        Map<String, Long> leads = leadsBeforeTheTriggers(written);
        var legacyBefore = dsl.select(LEADS.ID, LEADS.STATUS).from(LEADS).fetchMap(LEADS.ID, LEADS.STATUS);

        BackfillSummary first = runner.run(TypedColumnSync.leadStatus(), batches(4));
        BackfillSummary second = runner.run(TypedColumnSync.leadStatus(), batches(4));

        Map<Long, LeadStatus> typed = typedLeadStatuses();
        assertThat(typed.get(leads.get("CONTACTED"))).isEqualTo(LeadStatus.NEW);
        assertThat(typed.get(leads.get("NEGOTIATING"))).isEqualTo(LeadStatus.NEW);
        assertThat(typed.get(leads.get("SPAM"))).isEqualTo(LeadStatus.CLOSED);
        assertThat(typed.get(leads.get("Qualified "))).as("case and blanks are not meaning").isEqualTo(LeadStatus.NEW);
        assertThat(typed.get(leads.get("new"))).isEqualTo(LeadStatus.NEW);
        assertThat(typed.get(leads.get(" LOST"))).isEqualTo(LeadStatus.LOST);
        assertThat(typed.get(leads.get("CONVERTED"))).as("repaired from the legacy value").isEqualTo(LeadStatus.CONVERTED);
        assertThat(typed.get(leads.get("ARCHIVED"))).as("an unknown word: never guessed").isNull();
        assertThat(dsl.select(LEADS.ID, LEADS.STATUS).from(LEADS).fetchMap(LEADS.ID, LEADS.STATUS))
                .as("the legacy column is only read").isEqualTo(legacyBefore);
        assertThat(first.changed()).isEqualTo(10);
        assertThat(first.changes()).containsExactly(Map.entry("filled", 9L), Map.entry("NEW -> CONVERTED", 1L));
        assertThat(first.unresolvedByValue()).containsExactly(Map.entry("ARCHIVED", 1L));
        assertThat(first.describe()).contains("10 changed (filled x9, NEW -> CONVERTED x1), 1 unresolved ('ARCHIVED' x1)");
        assertThat(second.changed()).isZero();
        assertThat(second.scanned()).isZero();
    }

    @Test
    void orderPaymentAndIntentColumnsComeFromTheirLegacyTwinsAndEveryUnknownValueIsReportedNullIncluded() {
        long[] ids = new long[5];
        seed.beforeTheTriggers(old -> {
            ids[0] = old.order(workspace, null, null, 1);
            ids[1] = old.order(workspace, null, null, 2);
            ids[2] = old.order(workspace, null, null, 3);
            old.legacyOrder(ids[0], "REFUNDED", "PAID");
            old.legacyOrder(ids[1], "processing ", null);
            old.legacyOrder(ids[2], "DELIVERED", "PARTIAL");
            ids[3] = old.update(old.conversation(workspace, "INSTAGRAM", 1), c -> c.setIntentLabel("Buying")).getId();
            ids[4] = old.update(old.conversation(workspace, "INSTAGRAM", 2), c -> c.setIntentLabel(null)).getId();
        });

        runner.run(TypedColumnSync.orderStatus(), batches(10));
        BackfillSummary payment = runner.run(TypedColumnSync.paymentStatus(), batches(10));
        BackfillSummary intent = runner.run(TypedColumnSync.intentLabel(), batches(10));

        var orders = dsl.selectFrom(ORDERS).fetchMap(ORDERS.ID);
        assertThat(orders.get(ids[1]).getStatusEnum()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(orders.get(ids[0]).getStatusEnum()).as("REFUNDED has no fulfilment equivalent").isNull();
        assertThat(orders.get(ids[0]).getPaymentStatusEnum()).as("refunded after it was paid")
                .isEqualTo(PaymentStatus.REFUNDED);
        assertThat(orders.get(ids[1]).getPaymentStatusEnum()).as("unknown payment stays unknown").isNull();
        assertThat(payment.unresolvedByValue()).as("as many of each: NULL first")
                .containsExactly(entry(null, 1L), Map.entry("PARTIAL", 1L));
        assertThat(payment.describe()).contains("2 unresolved (NULL x1, 'PARTIAL' x1)");
        assertThat(dsl.select(CONVERSATIONS.INTENT_LABEL_ENUM).from(CONVERSATIONS).where(CONVERSATIONS.ID.eq(ids[3]))
                .fetchOne(CONVERSATIONS.INTENT_LABEL_ENUM)).isEqualTo(IntentLabel.BUYING);
        assertThat(intent.unresolvedByValue()).as("not classified yet: reported, and normal")
                .containsExactly(entry(null, 1L));
    }

    @Test
    void leadAssigneeIsCopiedFromTheBackendsColumn() {
        long agent = seed.user(workspace, "agent@legacy.example");
        long[] lead = new long[1];
        seed.beforeTheTriggers(old -> {
            lead[0] = old.legacyLead(workspace, "NEW", 1);
            old.assignLegacy(lead[0], agent);
        });

        assertThat(runner.run(TypedColumnSync.leadAssignee(), batches(10)).changed()).isEqualTo(1);

        assertThat(dsl.select(LEADS.ASSIGNED_TO_USER_ID).from(LEADS).where(LEADS.ID.eq(lead[0]))
                .fetchOne(LEADS.ASSIGNED_TO_USER_ID)).isEqualTo(agent);
        assertThat(runner.run(TypedColumnSync.leadAssignee(), batches(10)).changed()).isZero();
    }

    @Test
    void messageOriginComesFromTheLegacyFlagAndKeepsWhatIsAlreadySet() {
        long conversation = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        seed.message(conversation, "hi, is this available?", 10);
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.SENDER_ID, MESSAGES.ORIGINAL_TEXT,
                MESSAGES.IS_FROM_CUSTOMER, MESSAGES.SENT_AT).values(conversation, "shop", "yes!", false,
                Seed.NOW.minusMinutes(9)).execute();
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.SENDER_ID, MESSAGES.ORIGINAL_TEXT,
                        MESSAGES.IS_FROM_CUSTOMER, MESSAGES.DIRECTION, MESSAGES.SENDER_TYPE, MESSAGES.SENT_AT)
                .values(conversation, "bot", "auto-reply", false, "OUTBOUND", "SYSTEM", Seed.NOW.minusMinutes(8))
                .execute();

        runner.run(new MessageOriginBackfill(), batches(2));

        assertThat(dsl.select(MESSAGES.ORIGINAL_TEXT, MESSAGES.DIRECTION, MESSAGES.SENDER_TYPE)
                .from(MESSAGES).orderBy(MESSAGES.ID).fetch().map(r -> r.value1() + "|" + r.value2() + "|"
                        + r.value3()))
                .containsExactly(
                        "hi, is this available?|INBOUND|CUSTOMER",
                        "yes!|OUTBOUND|BUSINESS",
                        "auto-reply|OUTBOUND|SYSTEM");
        assertThat(runner.run(new MessageOriginBackfill(), batches(2)).changed()).isZero();
    }

    @Test
    void firstMessageAtAndCountsComeFromTheLiveRows() {
        long talked = seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> {
            c.setLeadCount(null);
            c.setOrderCount(null);
        }).getId();
        seed.message(talked, "second", 5);
        seed.message(talked, "first", 10);
        long silent = seed.update(seed.conversation(workspace, "INSTAGRAM", 2), c -> {
            c.setLeadCount(null);
            c.setOrderCount(null);
        }).getId();
        long counted = seed.update(seed.conversation(workspace, "WHATSAPP", 3), c -> {
            c.setLeadCount(7);
            c.setOrderCount(7);
        }).getId();
        long lead = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        long deletedLead = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);
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
        assertThat(rows.get(counted).getLeadCount()).as("a stale count is corrected: it has no lead").isZero();
        assertThat(rows.get(counted).getOrderCount()).isZero();
        assertThat(runner.run(new FirstMessageAtBackfill(), batches(10)).changed()).isZero();
        assertThat(runner.run(new ConversationCountsBackfill(), batches(10)).changed()).isZero();
    }

    @Test
    void contactsAreFoundOrCreatedPerBusinessChannelAndHandleAndNeverMerged() {
        long other = seed.workspace("other shop");
        long sara = contactWithHandles(workspace, "Sara", "{\"instagram\": \"sara.designs\"}");
        contactWithHandles(workspace, "Twin A", "{\"instagram\": \"twin\"}");
        contactWithHandles(workspace, "Twin B", "{\"instagram\": \"twin\"}");
        long elsewhere = contactWithHandles(other, "Sara elsewhere", "{\"instagram\": \"elsewhere\"}");
        ConversationsRecord sara1 = handle(workspace, "INSTAGRAM", "sara.designs", "Sara");
        ConversationsRecord sara2 = handle(workspace, "INSTAGRAM", "sara.designs", null);
        ConversationsRecord saraOnWhatsapp = handle(workspace, "WHATSAPP", "sara.designs", "Sara W");
        ConversationsRecord ambiguous = handle(workspace, "INSTAGRAM", "twin", null);
        ConversationsRecord otherBusiness = handle(workspace, "INSTAGRAM", "elsewhere", null);
        ConversationsRecord noHandle = handle(workspace, "INSTAGRAM", null, "Anonymous");

        BackfillSummary summary = runner.run(new ContactLinkBackfill(), batches(2));

        var linked = dsl.select(CONVERSATIONS.ID, CONVERSATIONS.CONTACT_ID).from(CONVERSATIONS)
                .fetchMap(CONVERSATIONS.ID, CONVERSATIONS.CONTACT_ID);
        assertThat(linked.get(sara1.getId())).isEqualTo(sara);
        assertThat(linked.get(sara2.getId())).isEqualTo(sara);
        assertThat(linked.get(saraOnWhatsapp.getId())).as("another channel: another contact, Sara's is untouched")
                .isNotNull().isNotEqualTo(sara);
        assertThat(linked.get(otherBusiness.getId())).as("another business's contact is never used")
                .isNotNull().isNotEqualTo(elsewhere);
        assertThat(linked.get(ambiguous.getId())).as("two contacts claim it: never merged, never guessed").isNull();
        assertThat(linked.get(noHandle.getId())).isNull();
        var created = dsl.select(CONTACTS.NAME, CONTACTS.HANDLES).from(CONTACTS)
                .where(CONTACTS.ID.eq(linked.get(saraOnWhatsapp.getId()))).fetchOne();
        assertThat(created.value1() + " " + created.value2().data()).isEqualTo("Sara W {\"whatsapp\": \"sara.designs\"}");
        assertThat(dsl.select(CONTACTS.HANDLES).from(CONTACTS).where(CONTACTS.ID.eq(sara)).fetchOne(CONTACTS.HANDLES)
                .data()).isEqualTo("{\"instagram\": \"sara.designs\"}");
        assertThat(summary.changed()).isEqualTo(4);
        assertThat(summary.unresolvedByValue()).containsExactly(Map.entry("handle claimed by several contacts", 1L),
                Map.entry("no customer handle", 1L));
        assertThat(dsl.fetchCount(CONTACTS)).isEqualTo(6);
        assertThat(runner.run(new ContactLinkBackfill(), batches(2)).changed()).isZero();
        assertThat(dsl.fetchCount(CONTACTS)).as("a re-run creates no contact").isEqualTo(6);
    }

    @Test
    void contactsInterruptedBetweenBatchesOrFailingInsideOneCompleteWithoutADuplicate() {
        seedCustomers(60, 20);

        assertThatThrownBy(() -> runner.run(new ContactLinkBackfill(), batches(7), batch -> {
            if (batch == 3) {
                Thread.currentThread().interrupt();
            }
        })).isInstanceOf(BackfillRunner.BackfillInterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThatThrownBy(() -> runner.run(new ContactLinkBackfill(), batches(7), batch -> {
            if (batch == 2) {
                throw new IllegalStateException("killed inside batch 2");
            }
        })).hasMessageContaining("killed inside batch 2");

        runner.run(new ContactLinkBackfill(), batches(7));

        assertContactsCompleteWithoutDuplicates(60, 20);
    }

    @Test
    void twoRunsAtOnceNeverCreateTheSameCustomerTwice() throws Exception {
        seedCustomers(300, 40);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<BackfillSummary>> both = runs.invokeAll(List.of(
                    () -> new BackfillRunner(dsl, line -> { }).run(new ContactLinkBackfill(), batches(5)),
                    () -> new BackfillRunner(dsl, line -> { }).run(new ContactLinkBackfill(), batches(5))));
            for (Future<BackfillSummary> run : both) {
                run.get();
            }
        } finally {
            runs.shutdownNow();
        }

        assertContactsCompleteWithoutDuplicates(300, 40);
    }

    private void seedCustomers(int conversations, int customers) {
        for (int i = 0; i < conversations; i++) {
            handle(workspace, "INSTAGRAM", "customer" + (i % customers), null);
        }
    }

    private void assertContactsCompleteWithoutDuplicates(int conversations, int customers) {
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNull())).as("rows skipped").isZero();
        assertThat(dsl.fetchCount(CONTACTS)).as("contacts: one per customer").isEqualTo(customers);
        assertThat(dsl.fetchCount(CONVERSATIONS)).isEqualTo(conversations);
        assertThat(dsl.select(org.jooq.impl.DSL.countDistinct(CONVERSATIONS.CONTACT_ID)).from(CONVERSATIONS)
                .fetchOne(0, Integer.class)).isEqualTo(customers);
    }

    @Test
    void aDryRunReportsExactlyWhatTheRealRunThenDoesAndChangesNothing() {
        seed.beforeTheTriggers(old -> {
            for (int i = 0; i < 5; i++) {
                old.legacyLead(workspace, "CONTACTED", i);
            }
            old.typed(old.legacyLead(workspace, "LOST", 6), LeadStatus.NEW);
            old.legacyLead(workspace, "ARCHIVED", 7);
            old.legacyOrder(old.order(workspace, null, null, 1), "PENDING", "PAID");
            old.order(workspace, null, null, 2);
            for (int i = 0; i < 3; i++) {
                handle(old, workspace, "INSTAGRAM", "twin", null);
            }
            handle(old, workspace, "INSTAGRAM", "someone.new", null);
            handle(old, workspace, "INSTAGRAM", null, "no handle");
            old.update(old.conversation(workspace, "INSTAGRAM", 9), c -> c.setCustomerHandle(null));
        });
        contactWithHandles(workspace, "Twin A", "{\"instagram\": \"twin\"}");
        contactWithHandles(workspace, "Twin B", "{\"instagram\": \"twin\"}");
        long conversation = seed.conversation(workspace, "INSTAGRAM", 3).getId();
        seed.message(conversation, "hello", 3);

        for (BackfillJob job : List.of(TypedColumnSync.leadStatus(), TypedColumnSync.paymentStatus(),
                new ContactLinkBackfill(), new FirstMessageAtBackfill())) {
            BackfillSummary dry = runner.run(job, batches(2).withDryRun(true));
            BackfillSummary real = runner.run(job, batches(2));

            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.describe()).contains("(dry run)").contains(" would change");
            assertThat(List.of(dry.changed(), dry.changes(), dry.unresolvedByValue())).as(job.name())
                    .isEqualTo(List.of(real.changed(), real.changes(), real.unresolvedByValue()));
            assertThat(real.changed()).as(job.name() + " had something to do").isPositive();
        }
    }

    @Test
    void interruptedBetweenBatchesThenRestartedItCompletesWithoutSkips() {
        seedLegacyLeads(60);

        assertThatThrownBy(() -> runner.run(TypedColumnSync.leadStatus(), batches(7), batch -> {
            if (batch == 3) {
                Thread.currentThread().interrupt();
            }
        })).isInstanceOf(BackfillRunner.BackfillInterruptedException.class)
                .hasMessageContaining("run it again to finish");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNotNull())).isEqualTo(21);

        runner.run(TypedColumnSync.leadStatus(), batches(7));

        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNull())).as("rows skipped").isZero();
    }

    @Test
    void failingInsideABatchRollsItBackAndARestartCompletes() {
        seedLegacyLeads(60);

        assertThatThrownBy(() -> runner.run(TypedColumnSync.leadStatus(), batches(7), batch -> {
            if (batch == 2) {
                throw new IllegalStateException("killed inside batch 2");
            }
        })).hasMessageContaining("killed inside batch 2");
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNotNull())).as("batch 1 only").isEqualTo(7);

        runner.run(TypedColumnSync.leadStatus(), batches(7));

        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNull())).as("rows skipped").isZero();
    }

    @Test
    void backendWritesDuringAJobAreNeverLostNorLeftDisagreeing() throws Exception {
        List<Long> leads = seedLegacyLeads(1500);
        Set<Long> movedByTheBackend = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService backend = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int offset = w;
                writers.add(backend.submit(() -> {
                    int i = offset;
                    while (running.get() && i < leads.size()) {
                        long lead = leads.get((i * 37) % leads.size());
                        // As Hibernate writes: the legacy column only, every mapped column in the SET list.
                        dsl.update(LEADS).set(LEADS.STATUS, "LOST").set(LEADS.NOTES, "updated by the backend")
                                .set(LEADS.ASSIGNED_TO, LEADS.ASSIGNED_TO)
                                .where(LEADS.ID.eq(lead)).execute();
                        movedByTheBackend.add(lead);
                        i += 2;
                    }
                }));
            }
            runner.run(TypedColumnSync.leadStatus(), batches(25));
            running.set(false);
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            backend.shutdownNow();
        }

        Map<Long, LeadStatus> statuses = typedLeadStatuses();
        assertThat(movedByTheBackend).isNotEmpty();
        movedByTheBackend.forEach(lead -> assertThat(statuses.get(lead)).as("lead %d", lead).isEqualTo(LeadStatus.LOST));
        assertThat(statuses.values()).containsOnly(LeadStatus.NEW, LeadStatus.LOST);
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isDistinctFrom(
                com.inboop.db.legacy.LegacyMapping.LEAD_STATUS.sql(LEADS.STATUS)))).as("rows left disagreeing").isZero();
    }

    @Test
    void reportsProgressWithTotalRateAndEta() {
        seedLegacyLeads(5);
        List<String> lines = new ArrayList<>();

        new BackfillRunner(dsl, lines::add, Duration.ZERO).run(TypedColumnSync.leadStatus(), batches(2));

        assertThat(lines.get(0)).matches("lead-status: 2 / 5 rows \\(40\\.0%\\), [\\d,]+ rows/s, ETA .+");
        assertThat(lines.get(lines.size() - 1)).startsWith("lead-status: 5 rows scanned, 5 changed (filled x5), "
                + "0 unresolved, 3 batches in ");
    }

    @Test
    void theCommandLineRunsAJobAgainstAJdbcUrl() {
        seed.beforeTheTriggers(old -> old.legacyLead(workspace, "QUALIFIED", 1));
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        String user = dsl.connectionResult(c -> c.getMetaData().getUserName());

        assertThat(BackfillCommand.run(new String[] {"--url", url, "--user", user, "--job", "lead-status",
                "--dry-run"})).isZero();
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNull())).isEqualTo(1);
        assertThat(BackfillCommand.run(new String[] {"--url", url, "--user", user, "--job", "lead-status"})).isZero();
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNull())).isZero();
        assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "everything"})).isEqualTo(2);
    }

    @Test
    void theCommandLineRefusesUnknownOrMisspeltOptionsBeforeWritingAnything() {
        seed.beforeTheTriggers(old -> old.legacyLead(workspace, "QUALIFIED", 1));
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        String err = stderrOf(() -> {
            // "--dryrun yes" was once ignored, and the run really wrote.
            assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status", "--dryrun", "yes"}))
                    .isEqualTo(2);
            assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status", "--job", "all"}))
                    .isEqualTo(2);
            assertThat(BackfillCommand.run(new String[] {"--url", url, "--job"})).isEqualTo(2);
            assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status", "--batch-size", "0"}))
                    .isEqualTo(2);
            assertThat(BackfillCommand.run(new String[] {"--url", url, "--job", "lead-status", "--batch-size", "ten"}))
                    .isEqualTo(2);
        });

        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNotNull())).as("nothing written").isZero();
        assertThat(err).contains("unknown option '--dryrun'; the options are --url, --user, --password-file, "
                + "--job, --batch-size, --dry-run, --help, --verbose").contains("--job is given twice; give it once")
                .contains("--job needs a value")
                .contains("--batch-size takes a whole number from 1 to 50000, was '0'")
                .contains("--batch-size takes a whole number from 1 to 50000, was 'ten'");
    }

    @Test
    void onADatabaseThatIsNotMigratedItSaysSo(TestDatabase database) {
        try (var empty = database.newEmptyDatabase()) {
            String err = stderrOf(() -> assertThat(BackfillCommand.run(new String[] {"--url", empty.target().url(),
                    "--user", empty.target().user(), "--job", "all"})).isEqualTo(1));

            assertThat(err).contains("is not migrated to this inboop-db's schema, so no job can run there")
                    .contains("no Flyway history").contains("missing: table conversations")
                    .doesNotContain("does not exist");
        }
    }

    private static String stderrOf(Runnable action) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<Long> seedLegacyLeads(int count) {
        List<Long> ids = new ArrayList<>();
        seed.beforeTheTriggers(old -> {
            for (int i = 0; i < count; i++) {
                ids.add(old.legacyLead(workspace, i % 2 == 0 ? "NEW" : "CONTACTED", i));
            }
        });
        return ids;
    }

    private long contactWithHandles(long workspaceId, String name, String handles) {
        return dsl.insertInto(CONTACTS, CONTACTS.BUSINESS_ID, CONTACTS.NAME, CONTACTS.HANDLES)
                .values(seed.businessOf(workspaceId), name, org.jooq.JSONB.valueOf(handles))
                .returning(CONTACTS.ID).fetchOne().getId();
    }

    private ConversationsRecord handle(long workspaceId, String channel, String handle, String name) {
        return handle(seed, workspaceId, channel, handle, name);
    }

    private static ConversationsRecord handle(Seed seed, long workspaceId, String channel, String handle,
                                              String name) {
        return seed.update(seed.conversation(workspaceId, channel, 1), c -> {
            c.setCustomerHandle(handle);
            c.setCustomerName(name);
        });
    }
}

package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.internal.cli.BackfillCommand;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.replica.ProductionReplica.State;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Every job on the production replicas (replica/legacy-rows.sql: every legacy value the fact sheet lists, and some it
 * does not), after adoption: the mapping of docs/legacy-values.md row by row, unmapped values reported by value and
 * left alone, nothing pre-existing changed but the NULL targets, and a second run that changes nothing.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class LegacyBackfillTest {

    /** Backfill targets among the columns production already had: filled where NULL, never changed otherwise. */
    private static final Map<String, List<String>> TARGETS = Map.of(
            "conversations", List.of("\"contact_id\"", "\"first_message_at\"", "\"lead_count\"", "\"order_count\""),
            "messages", List.of("\"direction\"", "\"sender_type\""));

    @ParameterizedTest
    @EnumSource(State.class)
    void everyJobMapsTheLegacyValuesAsDocumentedAndLeavesTheRestAlone(State state, TestDatabase server) {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            DataSource dataSource = replica.target().dataSource();
            ProductionReplica.build(dataSource, state);
            Map<String, List<String>> legacyColumns = withoutTargets(ProductionReplica.columns(dataSource));
            InboopMigrations.migrate(dataSource);
            Map<String, String> before = ProductionReplica.rowDigests(dataSource, legacyColumns);
            DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
            String contactsBefore = dsl.selectFrom(CONTACTS).orderBy(CONTACTS.ID).fetch().formatCSV();

            Map<String, BackfillSummary> first = runAll(dsl);

            assertThat(byId(dsl.select(LEADS.ID, LEADS.STATUS_ENUM).from(LEADS).fetch().intoMap(LEADS.ID,
                    LEADS.STATUS_ENUM))).containsExactly(LeadStatus.NEW, LeadStatus.NEW, LeadStatus.NEW, LeadStatus.NEW,
                    LeadStatus.CONVERTED, LeadStatus.CLOSED, LeadStatus.LOST, LeadStatus.CLOSED, LeadStatus.NEW, null);
            assertThat(byId(dsl.select(ORDERS.ID, ORDERS.STATUS_ENUM).from(ORDERS).fetch().intoMap(ORDERS.ID,
                    ORDERS.STATUS_ENUM))).containsExactly(OrderStatus.NEW, OrderStatus.NEW, OrderStatus.CONFIRMED,
                    OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED, null,
                    null, OrderStatus.NEW);
            assertThat(byId(dsl.select(ORDERS.ID, ORDERS.PAYMENT_STATUS_ENUM).from(ORDERS).fetch().intoMap(ORDERS.ID,
                    ORDERS.PAYMENT_STATUS_ENUM))).containsExactly(PaymentStatus.UNPAID, PaymentStatus.PAID,
                    PaymentStatus.REFUNDED, null, PaymentStatus.PAID, PaymentStatus.PAID, PaymentStatus.UNPAID,
                    PaymentStatus.REFUNDED, null, null);
            assertThat(byId(dsl.select(CONVERSATIONS.ID, CONVERSATIONS.INTENT_LABEL_ENUM).from(CONVERSATIONS).fetch()
                    .intoMap(CONVERSATIONS.ID, CONVERSATIONS.INTENT_LABEL_ENUM))).containsExactly(IntentLabel.BUYING,
                    IntentLabel.SUPPORT, IntentLabel.BROWSING, IntentLabel.SPAM, IntentLabel.OTHER, null, null);
            assertThat(first.get("lead-status").unresolvedByValue()).as("'Qualified ' is QUALIFIED: NEW")
                    .containsExactly(Map.entry("ARCHIVED", 1L));
            assertThat(first.get("order-status").unresolvedByValue()).as("'pending' is PENDING: NEW")
                    .containsExactly(Map.entry("ON_HOLD", 1L), Map.entry("REFUNDED", 1L));
            assertThat(first.get("payment-status").unresolvedByValue()).as("NULL: older than the column")
                    .containsExactly(entry(null, 2L), Map.entry("PARTIAL", 1L));
            assertThat(first.get("intent-label").unresolvedByValue()).as("NULL: not classified yet")
                    .containsExactly(entry(null, 1L), Map.entry("PURCHASE_INTENT", 1L));
            assertThat(first.get("business-workspaces").unresolvedByValue())
                    .containsExactly(Map.entry("owner 4 owns workspaces 3, 4", 1L),
                            Map.entry("owner 5 owns no workspace", 1L));

            assertThat(dsl.select(LEADS.ID).from(LEADS).where(LEADS.ASSIGNED_TO_USER_ID.eq(2L)).orderBy(LEADS.ID)
                    .fetch(LEADS.ID)).containsExactly(3L, 6L, 9L);
            var conversations = dsl.selectFrom(CONVERSATIONS).orderBy(CONVERSATIONS.ID).fetch();
            assertThat(conversations.get(0).getContactId()).as("set by the backend: kept").isEqualTo(1L);
            assertThat(conversations.get(0).getFirstMessageAt()).isEqualTo(LocalDateTime.of(2025, 3, 1, 9, 0));
            assertThat(conversations.get(5).getContactId()).as("no handle").isNull();
            assertThat(List.of(conversations.get(0).getLeadCount(), conversations.get(0).getOrderCount(),
                    conversations.get(1).getOrderCount())).as("stale counts corrected from the live rows")
                    .containsExactly(5, 2, 0);
            assertThat(first.get("contact-links").unresolvedByValue())
                    .containsExactly(Map.entry("no customer handle", 1L));
            assertThat(dsl.select(CONTACTS.HANDLES).from(CONTACTS).where(CONTACTS.ID.in(
                            conversations.get(2).getContactId(), conversations.get(6).getContactId()))
                    .orderBy(CONTACTS.ID).fetch(r -> r.value1().data()))
                    .as("created per channel, the channel's name lower-cased")
                    .containsExactlyInAnyOrder("{\"messenger\": \"fb.user\"}", "{\"instagram\": \"typo.channel\"}");
            assertThat(dsl.select(MESSAGES.DIRECTION, MESSAGES.SENDER_TYPE).from(MESSAGES).where(MESSAGES.ID.le(4L))
                    .orderBy(MESSAGES.ID).fetch(r -> r.value1() + "/" + r.value2()))
                    .containsExactly("INBOUND/CUSTOMER", "OUTBOUND/BUSINESS", "OUTBOUND/SYSTEM", "INBOUND/CUSTOMER");

            Map<String, BackfillSummary> second = runAll(dsl);
            assertThat(second.values()).allSatisfy(s -> assertThat(s.changed()).as(s.job()).isZero());
            assertThat(ProductionReplica.rowDigests(dataSource, legacyColumns)).as("every legacy column")
                    .isEqualTo(before);
            assertThat(dsl.selectFrom(CONTACTS).where(CONTACTS.ID.le(2L)).orderBy(CONTACTS.ID).fetch().formatCSV())
                    .as("the contacts that were there").isEqualTo(contactsBefore);
        }
    }

    /** The typed columns the jobs write: everything else must come out byte-identical. */
    private static final Map<String, List<String>> TYPED = Map.of(
            "leads", List.of("\"status_enum\"", "\"assigned_to_user_id\""),
            "orders", List.of("\"status_enum\"", "\"payment_status_enum\""),
            "conversations", List.of("\"intent_label_enum\""));

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"HISTORY_ONLY", "HIBERNATE_DRIFT"})
    void aRepairFixesEveryDisagreementLeftFromBeforeTheTriggersAndChangesNothingElse(State state,
                                                                                    TestDatabase server) {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            DataSource dataSource = replica.target().dataSource();
            ProductionReplica.build(dataSource, state);
            InboopMigrations.migrate(dataSource);
            DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
            runAll(dsl);
            assertThat(runAll(dsl).values()).as("after the sync exists, a repair has nothing to do")
                    .allSatisfy(s -> assertThat(s.changed()).as(s.job()).isZero());

            // Typed values an older inboop-db wrote, which the backend then contradicted in its own columns before
            // the triggers existed (written here with no trigger firing).
            new com.inboop.db.Seed(dsl).beforeTheTriggers(old -> {
                DSLContext raw = old.dsl();
                raw.update(LEADS).set(LEADS.STATUS_ENUM, LeadStatus.NEW).where(LEADS.ID.in(5L, 6L, 7L)).execute();
                raw.update(LEADS).set(LEADS.ASSIGNED_TO_USER_ID, 1L).where(LEADS.ID.eq(3L)).execute();
                raw.update(ORDERS).set(ORDERS.STATUS_ENUM, OrderStatus.SHIPPED).where(ORDERS.ID.eq(6L)).execute();
                raw.update(ORDERS).set(ORDERS.STATUS_ENUM, OrderStatus.CANCELLED).where(ORDERS.ID.eq(9L)).execute();
                raw.update(ORDERS).set(ORDERS.PAYMENT_STATUS_ENUM, PaymentStatus.UNPAID).where(ORDERS.ID.eq(2L))
                        .execute();
                raw.update(CONVERSATIONS).set(CONVERSATIONS.INTENT_LABEL_ENUM, IntentLabel.BROWSING)
                        .where(CONVERSATIONS.ID.eq(1L)).execute();
            });
            Map<String, List<String>> untyped = without(ProductionReplica.columns(dataSource), TYPED);
            // The tab-count ledger records the repaired intent label's move between groups (V065), as it should.
            untyped.remove("conversation_count_changes");
            Map<String, String> before = ProductionReplica.rowDigests(dataSource, untyped);

            Map<String, BackfillSummary> repair = runAll(dsl);

            assertThat(repair.get("lead-status").changes()).containsExactly(entry("NEW -> CLOSED", 1L),
                    entry("NEW -> CONVERTED", 1L), entry("NEW -> LOST", 1L));
            assertThat(repair.get("lead-assignee").changes()).containsExactly(entry("1 -> 2", 1L));
            assertThat(repair.get("order-status").changes()).containsExactly(entry("CANCELLED -> NULL", 1L),
                    entry("SHIPPED -> DELIVERED", 1L));
            assertThat(repair.get("payment-status").changes()).containsExactly(entry("UNPAID -> PAID", 1L));
            assertThat(repair.get("intent-label").changes()).containsExactly(entry("BROWSING -> BUYING", 1L));
            assertThat(repair.get("lead-status").describe()).contains("3 changed (NEW -> CLOSED x1, "
                    + "NEW -> CONVERTED x1, NEW -> LOST x1)");
            assertThat(ProductionReplica.rowDigests(dataSource, untyped)).as("every other column").isEqualTo(before);
            assertThat(runAll(dsl).values()).allSatisfy(s -> assertThat(s.changed()).as(s.job()).isZero());
        }
    }

    private static Map<String, List<String>> without(Map<String, List<String>> columns,
                                                     Map<String, List<String>> left) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        columns.forEach((table, names) -> {
            List<String> rest = new ArrayList<>(names);
            rest.removeAll(left.getOrDefault(table, List.of()));
            kept.put(table, rest);
        });
        return kept;
    }

    private static Map<String, BackfillSummary> runAll(DSLContext dsl) {
        BackfillRunner runner = new BackfillRunner(dsl, line -> { });
        Map<String, BackfillSummary> summaries = new LinkedHashMap<>();
        BackfillCommand.JOBS.forEach((name, job) -> summaries.put(name, runner.run(job,
                BackfillOptions.defaults().withBatchSize(3))));
        return summaries;
    }

    private static <V> List<V> byId(Map<Long, V> values) {
        List<V> ordered = new ArrayList<>();
        values.keySet().stream().sorted().forEach(id -> ordered.add(values.get(id)));
        return ordered;
    }

    private static Map<String, List<String>> withoutTargets(Map<String, List<String>> columns) {
        Map<String, List<String>> legacy = new LinkedHashMap<>();
        columns.forEach((table, names) -> {
            List<String> kept = new ArrayList<>(names);
            kept.removeAll(TARGETS.getOrDefault(table, List.of()));
            if (!table.equals("contacts")) { // gains rows; its existing ones are compared whole
                legacy.put(table, kept);
            }
        });
        return legacy;
    }

}

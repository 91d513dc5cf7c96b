package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.cli.BackfillCommand;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.StatusCounts;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.replica.BackendWrites;
import com.inboop.db.replica.MigratedReplica;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The unchanged backend goes on writing after inboop-db migrated production: its varchar statuses only, through
 * Hibernate (every mapped column in every UPDATE, JDBC batches, several connections at once), and knows nothing of
 * the typed columns. No backfill job runs here. Whatever it writes is listed and counted by the query layer under the
 * right status at once, and a write of a typed column alone shows in the varchar one: before any backfill job ran,
 * and after (the typed columns filled, which the backend's writes must not leave stale). On replicas A (the backend's
 * history only) and B (Hibernate's drift), holding every legacy value of the fact sheet.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class BackendWritesTest {

    /** The workspace Asha owns: businesses 1 and 2 of the replica's rows, placed there by V040. */
    private static final long WORKSPACE = 1;
    private static final long OWNER = 1;

    /** Replicas A and B, each with and without every backfill job run between the migrate and the writes. */
    static Stream<Arguments> replicas() {
        return Stream.of(ProductionReplica.State.HISTORY_ONLY, ProductionReplica.State.HIBERNATE_DRIFT)
                .flatMap(state -> Stream.of(Arguments.of(state, false), Arguments.of(state, true)));
    }

    @ParameterizedTest(name = "{0}, backfilled first: {1}")
    @MethodSource("replicas")
    void whatTheBackendWritesIsListedAndCountedUnderItsStatusAtOnce(ProductionReplica.State state,
                                                                      boolean backfilledFirst, TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, state);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            if (backfilledFirst) {
                // The case reported: typed columns filled, then the backend moves statuses in the legacy ones alone.
                BackfillRunner runner = new BackfillRunner(dsl, line -> { });
                BackfillCommand.JOBS.values().forEach(job -> runner.run(job, BackfillOptions.defaults()));
                assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isNull())).as("filled").isEqualTo(1);
            }
            LeadQuery leads = new LeadQuery(dsl);
            OrderQuery orders = new OrderQuery(dsl);

            // Production's rows, before any job ran: read through their legacy values.
            assertThat(counts(leads.countByStatus(WORKSPACE, ArchiveView.ACTIVE))).isEqualTo(Map.of(
                    LeadStatus.NEW, 5L, LeadStatus.CONVERTED, 0L, LeadStatus.CLOSED, 2L, LeadStatus.LOST, 1L));

            // Single rows, the status changed; odd case and blanks as the data holds them.
            backend.update("leads", 1, Map.of("status", "CONVERTED"));
            backend.update("leads", 2, Map.of("status", "LOST"));
            backend.update("orders", 5, Map.of("status", "DELIVERED "));
            backend.update("orders", 1, Map.of("payment_status", " PAID"));
            backend.update("conversations", 5, Map.of("intent_label", "buying"));
            // A batch of two, flushed together.
            try (Connection connection = dataSource.getConnection()) {
                backend.updateBatch(connection, "leads", Map.of(3L, Map.of("status", "lost "),
                        4L, Map.of("status", "Closed")));
            }
            // New entities, inserted as Hibernate inserts them.
            long newLead = backend.insert("leads", lead(2, "QUALIFIED"));
            long newOrder = backend.insert("orders", order(2, "PENDING", "UNPAID", "ORD-NEW"));
            // A writer of the typed column alone (a SQL console, inboop-db's own code path of a later release).
            dsl.update(LEADS).set(LEADS.STATUS_ENUM, LeadStatus.LOST).where(LEADS.ID.eq(6L)).execute();
            dsl.update(ORDERS).set(ORDERS.PAYMENT_STATUS_ENUM, PaymentStatus.REFUNDED).where(ORDERS.ID.eq(2L))
                    .execute();

            assertThat(counts(leads.countByStatus(WORKSPACE, ArchiveView.ACTIVE))).isEqualTo(Map.of(
                    LeadStatus.NEW, 2L, LeadStatus.CONVERTED, 1L, LeadStatus.CLOSED, 2L, LeadStatus.LOST, 4L));
            assertThat(leadIds(leads, LeadFilter.active().withStatuses(LeadStatus.LOST)))
                    .containsExactlyInAnyOrder(2L, 3L, 6L, 7L);
            assertThat(leadIds(leads, LeadFilter.active().withStatuses(LeadStatus.NEW)))
                    .containsExactlyInAnyOrder(9L, newLead);
            assertThat(orderIds(orders, OrderFilter.active().withStatuses(OrderStatus.SHIPPED))).isEmpty();
            assertThat(orderIds(orders, OrderFilter.active().withStatuses(OrderStatus.DELIVERED)))
                    .containsExactly(5L);
            assertThat(orderIds(orders, OrderFilter.active().withStatuses(OrderStatus.NEW)))
                    .containsExactlyInAnyOrder(1L, 2L, 10L, newOrder);
            assertThat(orderIds(orders, OrderFilter.active().withPaymentStatuses(PaymentStatus.UNPAID)))
                    .containsExactlyInAnyOrder(7L, newOrder);
            assertThat(orderIds(orders, OrderFilter.active().withPaymentStatuses(PaymentStatus.PAID)))
                    .containsExactlyInAnyOrder(1L, 5L);
            InboxQuery inbox = new InboxQuery(dsl);
            assertThat(inbox.page(WORKSPACE, InboxFilter.active().withIntents(IntentLabel.BUYING), PageRequest.first())
                    .rows().stream().map(InboxRow::conversationId)).containsExactlyInAnyOrder(1L, 5L);
            assertThat(inbox.tabCounts(WORKSPACE, OWNER).byIntent().get(IntentLabel.BUYING)).isEqualTo(2);
            // The typed-only writes reached the backend's columns.
            assertThat(dsl.select(LEADS.STATUS).from(LEADS).where(LEADS.ID.eq(6L)).fetchOne(LEADS.STATUS))
                    .isEqualTo("LOST");
            assertThat(dsl.select(ORDERS.PAYMENT_STATUS).from(ORDERS).where(ORDERS.ID.eq(2L))
                    .fetchOne(ORDERS.PAYMENT_STATUS)).isEqualTo("REFUNDED");
            // What the backend wrote stays as it wrote it.
            assertThat(dsl.select(ORDERS.STATUS).from(ORDERS).where(ORDERS.ID.eq(5L)).fetchOne(ORDERS.STATUS))
                    .isEqualTo("DELIVERED ");
            assertNoRowDisagrees(dsl);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProductionReplica.State.class, names = {"HISTORY_ONLY", "HIBERNATE_DRIFT"})
    void manyConnectionsWritingAtOnceLeaveEveryRowInAgreementAndEveryCountExact(ProductionReplica.State state,
                                                                               TestDatabase server) throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, state);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                ids.add(backend.insert("leads", lead(1 + i % 2, "NEW")));
            }
            List<String> words = List.of("NEW", "CONTACTED", "qualified", "CONVERTED", "LOST ", "CLOSED", "SPAM",
                    "ON_HOLD");

            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Random random = new Random(w);
                    boolean batches = w % 2 == 0;
                    done.add(writers.submit(() -> {
                        try (Connection connection = dataSource.getConnection()) {
                            for (int round = 0; round < 40; round++) {
                                Map<Long, Map<String, Object>> changes = new LinkedHashMap<>();
                                int size = batches ? 5 : 1;
                                while (changes.size() < size) {
                                    changes.put(ids.get(random.nextInt(ids.size())),
                                            Map.of("status", words.get(random.nextInt(words.size()))));
                                }
                                backend.updateBatch(connection, "leads", sorted(changes));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }

            assertNoRowDisagrees(dsl);
            Map<LeadStatus, Long> expected = new EnumMap<>(LeadStatus.class);
            for (LeadStatus status : LeadStatus.values()) {
                expected.put(status, 0L);
            }
            long unset = 0;
            for (String legacy : dsl.select(LEADS.STATUS).from(LEADS)
                    .where(LEADS.DELETED_AT.isNull().and(LEADS.ARCHIVED_AT.isNull())
                            .and(LEADS.BUSINESS_ID.in(1L, 2L))).fetch(LEADS.STATUS)) {
                LeadStatus status = LegacyMapping.LEAD_STATUS.map(legacy).orElse(null);
                if (status == null) {
                    unset++;
                } else {
                    expected.merge(status, 1L, Long::sum);
                }
            }
            StatusCounts<LeadStatus> counted = new LeadQuery(dsl).countByStatus(WORKSPACE, ArchiveView.ACTIVE);
            assertThat(counted.byStatus()).isEqualTo(expected);
            assertThat(counted.unset()).isEqualTo(unset);
        }
    }

    /** Rows locked in id order, as Hibernate's ordered batches do: no deadlock between the writers. */
    private static Map<Long, Map<String, Object>> sorted(Map<Long, Map<String, Object>> changes) {
        Map<Long, Map<String, Object>> ordered = new java.util.TreeMap<>(changes);
        return new LinkedHashMap<>(ordered);
    }

    /** Every typed column holds what its legacy twin means, on every row of every synced table. */
    private static void assertNoRowDisagrees(DSLContext dsl) {
        assertThat(dsl.fetchCount(LEADS, LEADS.STATUS_ENUM.isDistinctFrom(LegacyMapping.LEAD_STATUS.sql(LEADS.STATUS))
                .and(LEADS.STATUS_ENUM.isNotNull()))).as("leads.status_enum").isZero();
        assertThat(dsl.fetchCount(LEADS, LEADS.ASSIGNED_TO_USER_ID.isDistinctFrom(LEADS.ASSIGNED_TO)
                .and(LEADS.ASSIGNED_TO_USER_ID.isNotNull()))).as("leads.assigned_to_user_id").isZero();
        assertThat(dsl.fetchCount(ORDERS, ORDERS.STATUS_ENUM.isDistinctFrom(LegacyMapping.ORDER_STATUS.sql(ORDERS.STATUS))
                .and(ORDERS.STATUS_ENUM.isNotNull()))).as("orders.status_enum").isZero();
        assertThat(dsl.fetchCount(ORDERS, ORDERS.PAYMENT_STATUS_ENUM.isDistinctFrom(
                        LegacyMapping.PAYMENT_STATUS.sql(ORDERS.PAYMENT_STATUS, ORDERS.STATUS))
                .and(ORDERS.PAYMENT_STATUS_ENUM.isNotNull()))).as("orders.payment_status_enum").isZero();
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.INTENT_LABEL_ENUM.isDistinctFrom(
                        LegacyMapping.INTENT_LABEL.sql(CONVERSATIONS.INTENT_LABEL))
                .and(CONVERSATIONS.INTENT_LABEL_ENUM.isNotNull()))).as("conversations.intent_label_enum").isZero();
    }

    private static Map<LeadStatus, Long> counts(StatusCounts<LeadStatus> counts) {
        return new HashMap<>(counts.byStatus());
    }

    private static List<Long> leadIds(LeadQuery leads, LeadFilter filter) {
        return leads.page(WORKSPACE, filter, PageRequest.first(200)).rows().stream().map(LeadRow::id).toList();
    }

    private static List<Long> orderIds(OrderQuery orders, OrderFilter filter) {
        return orders.page(WORKSPACE, filter, PageRequest.first(200)).rows().stream().map(OrderRow::id).toList();
    }

    /** A lead as the backend's entity holds it on save. */
    private static Map<String, Object> lead(long businessId, String status) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("business_id", businessId);
        lead.put("instagram_user_id", "igsid-new");
        lead.put("channel", "INSTAGRAM");
        lead.put("status", status);
        lead.put("type", "INQUIRY");
        lead.put("created_at", LocalDateTime.of(2025, 7, 1, 10, 0));
        return lead;
    }

    /** An order as the backend's entity holds it on save. */
    private static Map<String, Object> order(long businessId, String status, String payment, String number) {
        Map<String, Object> order = new HashMap<>();
        order.put("business_id", businessId);
        order.put("order_number", number);
        order.put("status", status);
        order.put("payment_status", payment);
        order.put("total_amount", new BigDecimal("99.00"));
        order.put("order_date", LocalDateTime.of(2025, 7, 1, 10, 0));
        order.put("created_at", LocalDateTime.of(2025, 7, 1, 10, 0));
        return order;
    }
}

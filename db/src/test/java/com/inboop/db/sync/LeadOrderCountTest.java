package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.LeadOrderCountsBackfill;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.YesNo;
import com.inboop.db.replica.BackendWrites;
import com.inboop.db.replica.MigratedReplica;
import com.inboop.db.replica.ProductionReplica;

/**
 * {@code leads.order_count} (V067..V070), behind the leads list's "has orders" filter, is the number of live orders
 * naming the lead whoever writes orders (the unchanged backend, several at once), before the lead-order-counts job
 * (not counted yet: the filter looks at the orders) and after it, also when the job runs among the writers.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class LeadOrderCountTest {

    /** The workspace Asha owns: businesses 1 and 2 of the replica. */
    private static final long WORKSPACE = 1;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @Test
    void theFilterAndTheCountsFollowEveryOrderTheBackendWritesBeforeAndAfterTheJob(TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, ProductionReplica.State.HISTORY_ONLY);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            assertThat(dsl.fetchCount(LEADS, LEADS.ORDER_COUNT.isNotNull())).as("production's leads, not counted")
                    .isZero();
            assertFilterIsTheOrders(dsl);

            // The backend: a new lead (counted from 0), orders naming it and an old lead, one moved, one soft-deleted.
            long lead = backend.insert("leads", Map.of("business_id", 1L, "instagram_user_id", "ig-new",
                    "channel", "INSTAGRAM", "status", "NEW", "type", "OTHER"));
            assertThat(countOf(dsl, lead)).isZero();
            long first = backend.insert("orders", order(lead, "ORD-N1"));
            backend.insert("orders", order(lead, "ORD-N2"));
            long onOld = backend.insert("orders", order(3, "ORD-N3"));
            assertThat(countOf(dsl, lead)).isEqualTo(2);
            assertThat(countOf(dsl, 3)).as("not counted yet").isNull();
            assertFilterIsTheOrders(dsl);
            backend.update("orders", first, Map.of("deleted_at", Timestamp.valueOf(NOW)));
            backend.update("orders", onOld, Map.of("lead_id", lead));
            assertThat(countOf(dsl, lead)).isEqualTo(2);
            assertFilterIsTheOrders(dsl);

            new BackfillRunner(dsl, line -> { }).run(new LeadOrderCountsBackfill(), BackfillOptions.defaults());

            assertThat(dsl.fetchCount(LEADS, LEADS.ORDER_COUNT.isNull())).isZero();
            assertCountsAreTheLiveOrders(dsl);
            assertFilterIsTheOrders(dsl);
            // After the job, as before it.
            Map<String, Object> restored = new HashMap<>();
            restored.put("deleted_at", null);
            backend.update("orders", first, restored);
            dsl.deleteFrom(ORDERS).where(ORDERS.ID.eq(onOld)).execute();
            backend.update("orders", 1, Map.of("lead_id", lead));
            assertCountsAreTheLiveOrders(dsl);
            assertFilterIsTheOrders(dsl);
        }
    }

    @Test
    void theJobAmongManyWritersOfOrdersCountsEveryOrderOnce(TestDatabase server) throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            MigratedReplica migrated = MigratedReplica.of(replica, ProductionReplica.State.HIBERNATE_DRIFT);
            DataSource dataSource = migrated.dataSource();
            BackendWrites backend = migrated.backend();
            DSLContext dsl = migrated.dsl();
            List<Long> leads = dsl.select(LEADS.ID).from(LEADS).fetch(LEADS.ID);

            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Random random = new Random(w);
                    int writer = w;
                    work.add(pool.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        for (int i = 0; i < 60; i++) {
                            long lead = leads.get(random.nextInt(leads.size()));
                            if (mine.isEmpty() || random.nextInt(3) > 0) {
                                mine.add(backend.insert("orders", order(lead, "ORD-" + writer + "-" + i)));
                            } else {
                                long order = mine.get(random.nextInt(mine.size()));
                                backend.update("orders", order, random.nextBoolean()
                                        ? Map.of("lead_id", lead) : Map.of("deleted_at", Timestamp.valueOf(NOW)));
                            }
                        }
                        return null;
                    }));
                }
                work.add(pool.submit(() -> new BackfillRunner(dsl, line -> { }).run(new LeadOrderCountsBackfill(),
                        BackfillOptions.defaults().withBatchSize(1))));
                for (Future<?> future : work) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(dsl.fetchCount(LEADS, LEADS.ORDER_COUNT.isNull())).isZero();
            assertCountsAreTheLiveOrders(dsl);
            assertFilterIsTheOrders(dsl);
        }
    }

    private static Integer countOf(DSLContext dsl, long lead) {
        return dsl.select(LEADS.ORDER_COUNT).from(LEADS).where(LEADS.ID.eq(lead)).fetchSingle().value1();
    }

    private static void assertCountsAreTheLiveOrders(DSLContext dsl) {
        assertThat(dsl.fetch("SELECT l.id, l.order_count, (SELECT count(*) FROM orders o WHERE o.lead_id = l.id "
                + "AND o.deleted_at IS NULL) AS live FROM leads l WHERE l.order_count IS DISTINCT FROM "
                + "(SELECT count(*) FROM orders o WHERE o.lead_id = l.id AND o.deleted_at IS NULL)"))
                .as("leads whose count is not their live orders").isEmpty();
    }

    /** "Has orders" yes and no list exactly the leads that a live order names, and those none does. */
    private static void assertFilterIsTheOrders(DSLContext dsl) {
        List<Long> withOrders = dsl.fetch("SELECT l.id FROM leads l JOIN businesses b ON b.id = l.business_id "
                + "WHERE b.workspace_id = " + WORKSPACE + " AND l.deleted_at IS NULL AND EXISTS (SELECT 1 FROM "
                + "orders o WHERE o.lead_id = l.id AND o.deleted_at IS NULL) ORDER BY l.id").getValues(0, Long.class);
        LeadQuery query = new LeadQuery(dsl);
        assertThat(ids(query, YesNo.YES)).containsExactlyElementsOf(withOrders);
        assertThat(ids(query, YesNo.NO)).doesNotContainAnyElementsOf(withOrders)
                .hasSize(ids(query, YesNo.ANY).size() - withOrders.size());
    }

    private static List<Long> ids(LeadQuery query, YesNo hasOrders) {
        return query.page(WORKSPACE, LeadFilter.active().withView(ArchiveView.ALL).withHasOrders(hasOrders),
                PageRequest.first(200)).rows().stream().map(LeadRow::id).sorted().toList();
    }

    private static Map<String, Object> order(long lead, String number) {
        Map<String, Object> values = new HashMap<>();
        values.put("order_number", number);
        values.put("business_id", 1L);
        values.put("lead_id", lead);
        values.put("status", "PENDING");
        values.put("order_date", Timestamp.valueOf(NOW));
        values.put("created_at", Timestamp.valueOf(NOW));
        return values;
    }
}

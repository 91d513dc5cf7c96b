package com.inboop.db.plans;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.TabCounts;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.BackfillSummary;
import com.inboop.db.internal.backfill.InboxTabCountsBackfill;
import com.inboop.db.internal.backfill.LeadOrderCountsBackfill;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.TimeRange;
import com.inboop.db.list.YesNo;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Benchmark, not part of the test suite: every list view and filter of the query layer at production scale, under
 * the PostgreSQL driver's default prepared-statement settings (server-prepared, generic plans from the sixth
 * execution on), on one warm connection. Data: 1,000,000 conversations over 100 workspaces, 111,111 of them
 * (100,000 active) in the measured workspace, two messages each, 200,000 contacts, and 200,000 leads and 100,000
 * orders in the measured workspace, every status half typed and half legacy-only.
 *
 * <p>For each view it prints page 1 and page 1,000 (or the last page, where the view has fewer) through the layer,
 * their ratio, the view's last page and its ratio to page 1, the rows and buffers the page reads (EXPLAIN ANALYZE of the prepared statement under its generic
 * plan), the same statements through plain JDBC, and the index-only keyset floor of its list measured in the same
 * run; then tabCounts and text search. The JVM is warmed first (2,000 pages of each list through the layer, as a
 * backend that has been up a while), then each figure is the median of {@code -Dbench.runs} runs (default 201)
 * after 200 more.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=ListQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class ListQueryBenchmark {

    private static final int PAGE = 50;
    private static final int DEEP = 1_000;
    private static final int RUNS = Integer.getInteger("bench.runs", 201);
    private static final int WARMUP = 200;

    private Connection connection;
    private DSLContext dsl;
    private long workspace;
    private long agent;
    private long business;

    @Test
    void everyListViewAtProductionScale(TestDatabase database) throws Exception {
        long start = System.nanoTime();
        seed(database);
        System.out.printf("seeded in %.0f s%n", (System.nanoTime() - start) / 1e9);
        connection = DriverManager.getConnection(database.target().url(), database.target().user(),
                database.target().password());
        dsl = DSL.using(connection, SQLDialect.POSTGRES);
        LocalDateTime from = LocalDateTime.of(2026, 10, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2026, 10, 20, 0, 0);

        long counting = System.nanoTime();
        BackfillSummary leadOrders = new BackfillRunner(dsl, line -> { }).run(new LeadOrderCountsBackfill(),
                BackfillOptions.defaults());
        System.out.printf("lead-order-counts job: %d leads counted in %.1f s%n", leadOrders.changed(),
                (System.nanoTime() - counting) / 1e9);
        dsl.execute("VACUUM ANALYZE leads");
        warmUp();
        System.out.printf("%n%-28s %8s %8s %5s %6s %8s %5s %6s %9s %9s %8s %7s %8s %7s%n", "view", "page1 ms", "deep ms",
                "deep", "ratio", "last ms", "last", "ratio", "rows/page", "bufs/page", "jdbc ms", "layer/", "floor ms",
                "/floor");
        double inboxFloor = floor("conversations", "coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)",
                "archived_at IS NULL AND deleted_at IS NULL");
        double leadFloor = floor("leads", "coalesce(created_at, '1970-01-01 00:00:00'::timestamp)", "deleted_at IS NULL");
        double orderFloor = floor("orders", "coalesce(created_at, order_date)", "deleted_at IS NULL");
        inbox("inbox", inboxFloor, InboxFilter.active());
        inbox("inbox unassigned", inboxFloor, InboxFilter.active().withAssignee(AssigneeFilter.UNASSIGNED));
        inbox("inbox of one agent", inboxFloor, InboxFilter.active().withAssignee(AssigneeFilter.user(agent)));
        inbox("inbox archived", inboxFloor, InboxFilter.active().withView(ArchiveView.ARCHIVED));
        inbox("inbox with archived", inboxFloor, InboxFilter.active().withView(ArchiveView.ALL));
        inbox("inbox facebook", inboxFloor, InboxFilter.active().withChannels("FACEBOOK"));
        inbox("inbox intent BUYING", inboxFloor, InboxFilter.active().withIntents(IntentLabel.BUYING));
        inbox("inbox unread", inboxFloor, InboxFilter.active().withUnreadOnly(true));
        inbox("inbox has NEW lead", inboxFloor, InboxFilter.active().withHasNewLead(YesNo.YES));
        inbox("inbox has orders", inboxFloor, InboxFilter.active().withHasOrders(YesNo.YES));
        leads("leads", leadFloor, LeadFilter.active());
        leads("leads NEW", leadFloor, LeadFilter.active().withStatuses(LeadStatus.NEW));
        leads("leads source AI", leadFloor, LeadFilter.active().withSources("AI"));
        leads("leads of one agent", leadFloor, LeadFilter.active().withAssignee(AssigneeFilter.user(agent)));
        leads("leads created in range", leadFloor, LeadFilter.active().withCreated(new TimeRange(from, to)));
        leads("leads with orders", leadFloor, LeadFilter.active().withHasOrders(YesNo.YES));
        orders("orders", orderFloor, OrderFilter.active());
        orders("orders SHIPPED", orderFloor, OrderFilter.active().withStatuses(OrderStatus.SHIPPED));
        orders("orders PAID", orderFloor, OrderFilter.active().withPaymentStatuses(PaymentStatus.PAID));
        orders("orders COD", orderFloor, OrderFilter.active().withPaymentMethods("COD"));
        orders("orders whatsapp", orderFloor, OrderFilter.active().withChannels("WHATSAPP"));
        orders("orders of one agent", orderFloor, OrderFilter.active().withAssignee(AssigneeFilter.user(agent)));
        orders("orders created in range", orderFloor, OrderFilter.active().withCreated(new TimeRange(from, to)));
        orders("orders delivered in range", orderFloor, OrderFilter.active().withDelivered(new TimeRange(from, to)));

        InboxQuery inbox = new InboxQuery(dsl);
        // The seed wrote its rows with no trigger firing, as production's predate V065: counted from the
        // conversations until the inbox-tab-counts job has counted each business once, from the kept sums after.
        TabCounts countedBefore = inbox.tabCounts(workspace, agent);
        System.out.printf("%ntabCounts (100,000 active conversations), counted: %.2f ms%n",
                median(() -> inbox.tabCounts(workspace, agent)));
        long job = System.nanoTime();
        BackfillSummary counted = new BackfillRunner(dsl, line -> { }).run(new InboxTabCountsBackfill(),
                BackfillOptions.defaults());
        System.out.printf("inbox-tab-counts job: %d businesses, 1,000,000 conversations, in %.1f s%n",
                counted.changed(), (System.nanoTime() - job) / 1e9);
        System.out.printf("tabCounts (100,000 active conversations), kept: %.2f ms%n",
                median(() -> inbox.tabCounts(workspace, agent)));
        if (!inbox.tabCounts(workspace, agent).equals(countedBefore)) {
            throw new IllegalStateException("kept counts " + inbox.tabCounts(workspace, agent)
                    + " differ from the counted ones " + countedBefore);
        }
        System.out.printf("%n%-44s %8s %6s%n", "search, page 1", "ms", "rows");
        search("inbox, rare (one customer's handle)", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("zq" + "4711"), PageRequest.first(PAGE)));
        search("inbox, rare (a message's code)", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("code-88013"), PageRequest.first(PAGE)));
        search("inbox, common (in a sixth of messages)", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("red dress"), PageRequest.first(PAGE)));
        search("inbox, customer name (one in 500)", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("Customer 471"), PageRequest.first(PAGE)));
        search("inbox, customer name (one in 50,000)", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("zq47113"), PageRequest.first(PAGE)));
        search("leads, notes (rare)", () -> new LeadQuery(dsl).page(workspace,
                LeadFilter.active().withSearch("note-123457"), PageRequest.first(PAGE)));
        search("leads, name (common)", () -> new LeadQuery(dsl).page(workspace,
                LeadFilter.active().withSearch("customer"), PageRequest.first(PAGE)));
        search("orders, tracking number", () -> new OrderQuery(dsl).page(workspace,
                OrderFilter.active().withSearch("TRK00042"), PageRequest.first(PAGE)));
        search("orders, order number prefix (common)", () -> new OrderQuery(dsl).page(workspace,
                OrderFilter.active().withSearch("ORD-00"), PageRequest.first(PAGE)));
        // Common in the other workspaces (a third of their conversations, 100,000 leads and orders), rare here.
        search("inbox, common elsewhere, rare here", () -> inbox.page(workspace,
                InboxFilter.active().withSearch("wholesale catalog"), PageRequest.first(PAGE)));
        search("leads, common elsewhere, rare here", () -> new LeadQuery(dsl).page(workspace,
                LeadFilter.active().withSearch("wholesale enquiry"), PageRequest.first(PAGE)));
        search("orders, common elsewhere, rare here", () -> new OrderQuery(dsl).page(workspace,
                OrderFilter.active().withSearch("WHL"), PageRequest.first(PAGE)));
        connection.close();
    }

    /** Runs every list's code paths enough for the JIT to compile them, as in a backend that has been up a while. */
    private void warmUp() {
        InboxQuery inbox = new InboxQuery(dsl);
        LeadQuery leads = new LeadQuery(dsl);
        OrderQuery orders = new OrderQuery(dsl);
        for (int round = 0; round < 40; round++) {
            PageRequest i = PageRequest.first(PAGE);
            PageRequest l = i;
            PageRequest o = i;
            for (int page = 0; page < 50; page++) {
                i = i.after(inbox.page(workspace, InboxFilter.active(), i).nextCursor().orElseThrow());
                l = l.after(leads.page(workspace, LeadFilter.active(), l).nextCursor().orElseThrow());
                o = o.after(orders.page(workspace, OrderFilter.active(), o).nextCursor().orElseThrow());
            }
        }
    }

    private void seed(TestDatabase database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("INSERT INTO users (name, email, password) SELECT 'agent ' || g, 'agent' || g || '@bench.example', 'x' "
                    + "FROM generate_series(1, 12) g");
            // 100 owners of one workspace and one business each, the businesses written as the backend writes them
            // (no workspace_id): the insert trigger places each in its owner's workspace.
            s.execute("INSERT INTO users (name, email, password) SELECT 'owner ' || g, 'owner' || g || '@bench.example', "
                    + "'x' FROM generate_series(1, 100) g");
            s.execute("INSERT INTO workspaces (name, owner_id) SELECT 'bench ' || id, id FROM users "
                    + "WHERE name LIKE 'owner %'");
            s.execute("INSERT INTO businesses (name, owner_id) SELECT 'bench business ' || id, id FROM users "
                    + "WHERE name LIKE 'owner %'");
            s.execute("CREATE TEMP TABLE b AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM businesses");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT id FROM b WHERE k = 0), (SELECT workspace_id FROM "
                    + "businesses WHERE id = (SELECT id FROM b WHERE k = 0)), (SELECT min(id) FROM users)")) {
                rs.next();
                business = rs.getLong(1);
                workspace = rs.getLong(2);
                agent = rs.getLong(3);
            }
            s.execute("INSERT INTO workspace_members (workspace_id, user_id) SELECT " + workspace + ", id FROM users "
                    + "WHERE name LIKE 'agent %'");
            // The rows below as production holds them before any job ran: written with no trigger firing, so half
            // of the statuses are typed and half legacy-only.
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO contacts (business_id, name, handles) SELECT b.id, 'Contact ' || g, "
                    + "jsonb_build_object('instagram', 'c' || g) FROM generate_series(0, 199999) g "
                    + "JOIN b ON b.k = g % 100");
            // The measured workspace (k = 0) gets conversations 1..111,111; the other 888,889 go to the 99 others.
            s.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id, customer_handle, "
                    + "customer_name, contact_id, last_message, last_message_at, created_at, unread_count, "
                    + "assigned_to_user_id, intent_label, intent_label_enum, archived_at, lead_count, order_count) "
                    + "SELECT b.id, (ARRAY['INSTAGRAM','INSTAGRAM','WHATSAPP','MESSENGER'])[1 + g % 4], 'bench-' || g, "
                    + "'zq' || g, 'Customer ' || (g % 500), (SELECT min(id) FROM contacts) + g % 200000, 'hello', "
                    + "timestamp '2026-11-01' - g * interval '3 second', timestamp '2026-10-01' - g * interval '3 second', "
                    + "CASE WHEN g % 3 = 0 THEN g % 5 ELSE 0 END, "
                    + "CASE WHEN g % 5 < 3 THEN " + agent + " WHEN g % 5 = 3 THEN " + agent + " + 1 + g % 10 END, "
                    + "(ARRAY['BUYING','SUPPORT','BROWSING','SPAM','OTHER',NULL])[1 + g % 6], "
                    + "CASE WHEN g % 2 = 0 THEN ((ARRAY['BUYING','SUPPORT','BROWSING','SPAM','OTHER',NULL])[1 + g % 6])::intent_label END, "
                    + "CASE WHEN g % 10 = 0 THEN timestamp '2026-11-02' END, (g % 5 = 0)::int, (g % 7 = 0)::int "
                    + "FROM generate_series(1, 1000000) g JOIN b ON b.k = CASE WHEN g <= 111111 THEN 0 ELSE 1 + g % 99 END");
            // business_id as V055's trigger (off here) and the message-businesses job leave it. "wholesale catalog"
            // is in a third of the other workspaces' conversations and in two of the measured one's.
            s.execute("INSERT INTO messages (conversation_id, business_id, sender_id, is_from_customer, original_text, "
                    + "sent_at, direction) "
                    + "SELECT c.id, c.business_id, 's', m = 1, CASE WHEN c.id % 1000 = 13 AND m = 2 THEN 'code-' || c.id "
                    + "WHEN m = 2 AND ((c.business_id <> " + business + " AND c.id % 3 = 0) "
                    + "OR (c.business_id = " + business + " AND c.id % 50000 = 4242)) THEN 'the wholesale catalog' ELSE "
                    + "'message ' || m || ' about ' || (ARRAY['shoes','red dress','delivery','refund','size chart','price'])"
                    + "[1 + (c.id + m) % 6] END, c.last_message_at - m * interval '1 minute', "
                    + "CASE WHEN m = 1 THEN 'INBOUND' ELSE 'OUTBOUND' END FROM conversations c CROSS JOIN generate_series(1, 2) m");
            s.execute("INSERT INTO leads (business_id, conversation_id, instagram_user_id, customer_name, status, status_enum, "
                    + "source, notes, assigned_to, assigned_to_user_id, created_at, archived_at) "
                    + "SELECT " + business + ", (SELECT min(id) FROM conversations) + g % 111111, 'ig' || g, "
                    + "'Customer ' || (g % 500), (ARRAY['NEW','CONTACTED','CONVERTED','CLOSED','LOST','SPAM'])[1 + g % 6], "
                    + "CASE WHEN g % 2 = 0 THEN (ARRAY['NEW','NEW','CONVERTED','CLOSED','LOST','CLOSED'])[1 + g % 6]::lead_status END, "
                    + "(ARRAY['AI','MANUAL',NULL])[1 + g % 3], 'note-' || g, "
                    + "CASE WHEN g % 4 < 2 THEN " + agent + " END, CASE WHEN g % 4 = 0 THEN " + agent + " END, "
                    + "timestamp '2026-11-01' - g * interval '13 second', CASE WHEN g % 10 = 0 THEN timestamp '2026-11-02' END "
                    + "FROM generate_series(1, 200000) g");
            s.execute("INSERT INTO orders (order_number, business_id, conversation_id, lead_id, customer_name, customer_handle, "
                    + "status, status_enum, payment_status, payment_status_enum, payment_method, channel, tracking_number, "
                    + "assigned_to_user_id, order_date, created_at, delivered_at) "
                    + "SELECT 'ORD-' || lpad(g::text, 7, '0'), " + business + ", (SELECT min(id) FROM conversations) + g % 111111, "
                    + "CASE WHEN g % 3 = 0 THEN (SELECT min(id) FROM leads) + g END, 'Customer ' || (g % 500), 'zq' || g, "
                    + "(ARRAY['NEW','PENDING','CONFIRMED','SHIPPED','DELIVERED','CANCELLED'])[1 + g % 6], "
                    + "CASE WHEN g % 2 = 0 THEN (ARRAY['NEW','NEW','CONFIRMED','SHIPPED','DELIVERED','CANCELLED'])[1 + g % 6]::order_status END, "
                    + "(ARRAY['UNPAID','PAID','REFUNDED'])[1 + g % 3], "
                    + "CASE WHEN g % 2 = 0 THEN (ARRAY['UNPAID','PAID','REFUNDED'])[1 + g % 3]::payment_status END, "
                    + "(ARRAY['ONLINE','COD','BANK_TRANSFER'])[1 + g % 3], (ARRAY['INSTAGRAM','WHATSAPP','MESSENGER'])[1 + g % 3], "
                    + "'TRK' || lpad(g::text, 8, '0'), CASE WHEN g % 2 = 0 THEN " + agent + " END, "
                    + "timestamp '2026-11-01' - g * interval '29 second', timestamp '2026-11-01' - g * interval '29 second', "
                    + "CASE WHEN g % 6 = 4 THEN timestamp '2026-11-02' - g * interval '29 second' END "
                    + "FROM generate_series(1, 100000) g");
            // Other workspaces' leads and orders, whose notes and tracking numbers are common there and rare in the
            // measured workspace (one lead, one order).
            s.execute("INSERT INTO leads (business_id, instagram_user_id, customer_name, status, notes, created_at) "
                    + "SELECT b.id, 'ig-other-' || g, 'Shopper ' || g, 'NEW', 'wholesale enquiry ' || g, "
                    + "timestamp '2026-11-01' - g * interval '13 second' FROM generate_series(1, 100000) g "
                    + "JOIN b ON b.k = 1 + g % 99");
            s.execute("UPDATE leads SET notes = 'wholesale enquiry from a shop' WHERE id = (SELECT min(id) + 150000 "
                    + "FROM leads WHERE business_id = " + business + ")");
            s.execute("INSERT INTO orders (order_number, business_id, status, tracking_number, order_date, created_at) "
                    + "SELECT 'OTH-' || g, b.id, 'NEW', 'WHL' || lpad(g::text, 7, '0'), "
                    + "timestamp '2026-11-01' - g * interval '29 second', timestamp '2026-11-01' - g * interval '29 second' "
                    + "FROM generate_series(1, 100000) g JOIN b ON b.k = 1 + g % 99");
            s.execute("UPDATE orders SET tracking_number = 'WHL9999999' WHERE id = (SELECT min(id) + 80000 FROM orders "
                    + "WHERE business_id = " + business + ")");
            // Production's businesses predate V066: none is kept until the inbox-tab-counts job has counted it.
            s.execute("DELETE FROM conversation_counts_kept");
            // Production's leads predate V068: not counted (NULL) until the lead-order-counts job counts them.
            s.execute("UPDATE leads SET order_count = NULL");
            s.execute("VACUUM ANALYZE");
        }
    }


    private void inbox(String name, double floor, InboxFilter filter) throws SQLException {
        view(name, floor, d -> new InboxQuery(d)::page, filter);
    }

    private void leads(String name, double floor, LeadFilter filter) throws SQLException {
        view(name, floor, d -> new LeadQuery(d)::page, filter);
    }

    private void orders(String name, double floor, OrderFilter filter) throws SQLException {
        view(name, floor, d -> new OrderQuery(d)::page, filter);
    }

    private <F> void view(String name, double floor, Function<DSLContext, ListPage<F>> list, F filter)
            throws SQLException {
        ListPage<F> layer = list.apply(dsl);
        PageRequest first = PageRequest.first(PAGE);
        PageRequest deep = first;
        int pages = 1;
        for (; pages < DEEP; pages++) {
            Page<?> page = layer.page(workspace, filter, deep);
            if (page.nextCursor().isEmpty()) {
                break;
            }
            deep = deep.after(page.nextCursor().get());
        }
        PageRequest deepest = deep;
        // On to the view's last page (the same as the deep one where the view has at most DEEP pages).
        PageRequest last = deep;
        int lastPage = pages;
        while (true) {
            Page<?> page = layer.page(workspace, filter, last);
            if (page.nextCursor().isEmpty()) {
                break;
            }
            last = last.after(page.nextCursor().get());
            lastPage++;
        }
        PageRequest lastRequest = last;
        List<Query> statements = new ArrayList<>();
        Consumer<DSLContext> deepCall = d -> list.apply(d).page(workspace, filter, deepest);
        PreparedPlans.allQueries(dsl, deepCall, statements);
        List<PreparedStatement> prepared = prepare(statements);
        double[] ms;
        try {
            // Interleaved, so that a slow moment of the machine weighs on all three alike.
            ms = medians(() -> layer.page(workspace, filter, first), () -> layer.page(workspace, filter, deepest),
                    () -> runAll(prepared), () -> layer.page(workspace, filter, lastRequest));
        } finally {
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
        }
        double page1 = ms[0];
        double pageN = ms[1];
        double jdbc = ms[2];
        String plan = PreparedPlans.explain(connection, statements.get(statements.size() - 1), "force_generic_plan",
                true);
        System.out.printf("%-28s %8.3f %8.3f %5d %6.2f %8.3f %5d %6.2f %9d %9d %8.3f %7.2f %8.3f %7.2f%n", name, page1,
                pageN, pages, pageN / page1, ms[3], lastPage, ms[3] / page1, PreparedPlans.rowsRead(plan),
                PreparedPlans.buffers(plan), jdbc, pageN / jdbc, floor, pageN / floor);
    }

    /** The index-only keyset page of a list's default order: the least a page of it can cost. */
    private double floor(String table, String key, String partial) throws SQLException {
        String sql = "SELECT " + key + ", id FROM " + table + " WHERE business_id = " + business + " AND " + partial
                + " AND (" + key + ", id) < (?::timestamp, ?) ORDER BY " + key + " DESC, id DESC LIMIT " + (PAGE + 1);
        LocalDateTime cursor = LocalDateTime.of(2026, 10, 1, 0, 0);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return median(() -> {
                statement.setObject(1, cursor);
                statement.setLong(2, Long.MAX_VALUE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
                return null;
            });
        }
    }

    /** The statements the layer ran, as plain JDBC prepared statements with the same bind values. */
    private List<PreparedStatement> prepare(List<Query> statements) throws SQLException {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        List<PreparedStatement> prepared = new ArrayList<>();
        for (Query query : statements) {
            PreparedStatement statement = connection.prepareStatement(renderer.render(query));
            List<Object> binds = query.getBindValues();
            for (int i = 0; i < binds.size(); i++) {
                Object value = binds.get(i);
                if (value instanceof org.jooq.EnumType e) {
                    statement.setObject(i + 1, e.getLiteral(), java.sql.Types.OTHER);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            prepared.add(statement);
        }
        return prepared;
    }

    /** Runs the statements, reading every column of every row. */
    private static Object runAll(List<PreparedStatement> prepared) throws SQLException {
        for (PreparedStatement statement : prepared) {
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                }
            }
        }
        return null;
    }

    private void search(String name, java.util.concurrent.Callable<Page<?>> call) throws Exception {
        int rows = call.call().rows().size();
        System.out.printf("%-44s %8.2f %6d%n", name, median(() -> call.call()), rows);
    }

    /** Work to time. */
    private interface Work {
        Object run() throws Exception;
    }

    /** Median milliseconds of {@link #RUNS} runs after {@link #WARMUP}. */
    private static double median(Work work) {
        return medians(work)[0];
    }

    /** Median milliseconds of each of {@code works}, run in turn {@link #RUNS} times after {@link #WARMUP}. */
    private static double[] medians(Work... works) {
        try {
            for (int i = 0; i < WARMUP; i++) {
                for (Work work : works) {
                    work.run();
                }
            }
            double[][] ms = new double[works.length][RUNS];
            for (int i = 0; i < RUNS; i++) {
                for (int w = 0; w < works.length; w++) {
                    long t = System.nanoTime();
                    works[w].run();
                    ms[w][i] = (System.nanoTime() - t) / 1e6;
                }
            }
            double[] medians = new double[works.length];
            for (int w = 0; w < works.length; w++) {
                Arrays.sort(ms[w]);
                medians[w] = ms[w][RUNS / 2];
            }
            return medians;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

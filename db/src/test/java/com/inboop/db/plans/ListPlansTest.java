package com.inboop.db.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.Slow;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;
import com.inboop.db.list.YesNo;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Every list view's page plan, as the PostgreSQL driver runs it (a prepared statement with bind values), is the
 * same under a generic plan as under a custom one, and is an index range scan in the list's order: no sort, and
 * about one page of rows read (more only where a filter the index does not hold skips rows). Seeded like
 * production in miniature: one large workspace, look-alike neighbours, every legacy value. Plan shapes and row
 * counts, never timings (those are in ListQueryBenchmark).
 */
@Slow
@ExtendWith(MigratedDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPlansTest {

    private static final int PAGE = 50;
    private static final int DEEP = 20;

    private DSLContext dsl;
    private TestDatabase database;
    private long workspace;
    /** A workspace of 6,000 rows per list beside the large one, for searches of terms common only there. */
    private long small;
    private long agent;

    @BeforeAll
    void seedALargeWorkspaceAndItsNeighbours(TestDatabase database) throws Exception {
        long started = System.nanoTime();
        this.database = database;
        this.dsl = Seed.dsl(database);
        Seed seed = new Seed(dsl);
        workspace = seed.workspace("large");
        agent = seed.user(workspace, "agent@large.example");
        long otherAgent = seed.user(workspace, "other@large.example");
        small = seed.workspace("small");
        long smallBusiness = seed.businessOf(small);
        StringBuilder businesses = new StringBuilder(String.valueOf(seed.businessOf(workspace)));
        for (int i = 0; i < 20; i++) {
            businesses.append(',').append(seed.businessOf(seed.workspace("neighbour" + i)));
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE b AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM "
                    + "unnest(ARRAY[" + businesses + "]::bigint[]) id");
            // Every conversation and lead has its contact, as in production: c is each business's first contact.
            statement.execute("INSERT INTO contacts (business_id, name) SELECT b.id, 'Contact ' || g "
                    + "FROM generate_series(1, 20000) g JOIN b ON b.k = g % 21");
            statement.execute("ALTER TABLE b ADD COLUMN c bigint");
            statement.execute("UPDATE b SET c = (SELECT min(id) FROM contacts t WHERE t.business_id = b.id)");
            // 40,000 conversations in the large workspace's business (k = 0), 1,000 in each neighbour's.
            statement.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id, "
                    + "customer_handle, customer_name, last_message, last_message_at, created_at, unread_count, "
                    + "assigned_to_user_id, intent_label, intent_label_enum, archived_at, deleted_at, order_count, contact_id) "
                    + "SELECT b.id, (ARRAY['INSTAGRAM','INSTAGRAM','WHATSAPP','MESSENGER'])[1 + g % 4], 'p-' || g, "
                    + "'handle' || g, 'Customer ' || g, 'hello', timestamp '2026-11-01' - g * interval '1 minute', "
                    + "timestamp '2026-10-01' - g * interval '1 minute', (g % 3 = 0)::int * 2, "
                    + "CASE g % 4 WHEN 0 THEN NULL WHEN 1 THEN " + agent + " ELSE " + otherAgent + " END, "
                    + "(ARRAY['BUYING','SUPPORT','BROWSING','SPAM','OTHER',NULL])[1 + g % 6], "
                    + "CASE WHEN g % 12 < 6 THEN ((ARRAY['BUYING','SUPPORT','BROWSING','SPAM','OTHER',NULL])[1 + g % 6])::intent_label END, "
                    + "CASE WHEN g % 10 = 0 THEN timestamp '2026-11-02' END, CASE WHEN g % 50 = 7 THEN timestamp '2026-11-02' END, "
                    + "g % 7, b.c + g % 900 "
                    + "FROM generate_series(1, 60000) g JOIN b ON b.k = CASE WHEN g <= 40000 THEN 0 ELSE 1 + g % 20 END");
            statement.execute("INSERT INTO messages (conversation_id, sender_id, is_from_customer, original_text, sent_at) "
                    + "SELECT c.id, 's', true, 'message about item ' || c.id, c.last_message_at FROM conversations c");
            statement.execute("INSERT INTO leads (business_id, conversation_id, instagram_user_id, customer_name, notes, "
                    + "status, status_enum, source, assigned_to, assigned_to_user_id, created_at, archived_at, deleted_at, contact_id) "
                    + "SELECT b.id, NULL, 'ig' || g, 'Customer ' || g, 'notes ' || g, "
                    + "(ARRAY['NEW','CONTACTED','QUALIFIED','NEGOTIATING','CONVERTED','CLOSED','LOST','SPAM'])[1 + g % 8], "
                    + "CASE WHEN g % 16 < 8 THEN (ARRAY['NEW','NEW','NEW','NEW','CONVERTED','CLOSED','LOST','CLOSED'])[1 + g % 8]::lead_status END, "
                    + "(ARRAY['AI','MANUAL',NULL])[1 + g % 3], CASE WHEN g % 3 = 0 THEN " + agent + " END, "
                    + "CASE WHEN g % 6 = 0 THEN " + agent + " END, timestamp '2026-11-01' - g * interval '2 minute', "
                    + "CASE WHEN g % 10 = 0 THEN timestamp '2026-11-02' END, CASE WHEN g % 50 = 7 THEN timestamp '2026-11-02' END, b.c + g % 900 "
                    + "FROM generate_series(1, 40000) g JOIN b ON b.k = CASE WHEN g <= 30000 THEN 0 ELSE 1 + g % 20 END");
            statement.execute("INSERT INTO orders (order_number, business_id, lead_id, status, status_enum, "
                    + "payment_status, payment_status_enum, payment_method, channel, assigned_to_user_id, order_date, "
                    + "created_at, delivered_at, archived_at, deleted_at) "
                    + "SELECT 'P-' || g, b.id, CASE WHEN g % 5 = 0 THEN g END, "
                    + "(ARRAY['NEW','PENDING','CONFIRMED','PROCESSING','SHIPPED','DELIVERED','CANCELLED','REFUNDED'])[1 + g % 8], "
                    + "CASE WHEN g % 16 < 8 THEN (ARRAY['NEW','NEW','CONFIRMED','CONFIRMED','SHIPPED','DELIVERED','CANCELLED',NULL])[1 + g % 8]::order_status END, "
                    + "(ARRAY['UNPAID','PAID','REFUNDED',NULL])[1 + g % 4], "
                    + "CASE WHEN g % 8 < 4 THEN (ARRAY['UNPAID','PAID','REFUNDED',NULL])[1 + g % 4]::payment_status END, "
                    + "(ARRAY['ONLINE','COD','MANUAL',NULL])[1 + g % 4], (ARRAY['INSTAGRAM','WHATSAPP','MESSENGER',NULL])[1 + g % 4], "
                    + "CASE WHEN g % 2 = 0 THEN " + agent + " END, timestamp '2026-11-01' - g * interval '3 minute', "
                    + "timestamp '2026-11-01' - g * interval '3 minute', "
                    + "CASE WHEN g % 8 = 5 THEN timestamp '2026-11-01' - g * interval '2 minute' END, "
                    + "CASE WHEN g % 10 = 0 THEN timestamp '2026-11-02' END, CASE WHEN g % 50 = 7 THEN timestamp '2026-11-02' END "
                    + "FROM generate_series(1, 30000) g JOIN b ON b.k = CASE WHEN g <= 20000 THEN 0 ELSE 1 + g % 20 END");
            // A NEW lead on every eighth conversation of the large workspace (the leads above belong to none).
            statement.execute("INSERT INTO leads (business_id, conversation_id, instagram_user_id, status, created_at) "
                    + "SELECT business_id, id, 'ig-c' || id, 'NEW', timestamp '2026-10-01' FROM conversations "
                    + "WHERE business_id = " + seed.businessOf(workspace) + " AND id % 8 = 0");
            // A smaller workspace of 6,000 conversations, leads and orders, none of whose text is like the large
            // one's but one row each: the large workspace's common terms are rare here.
            statement.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id, "
                    + "customer_handle, customer_name, last_message, last_message_at) "
                    + "SELECT " + smallBusiness + ", 'INSTAGRAM', 's-' || g, 'shopper_' || g, "
                    + "CASE WHEN g = 5400 THEN 'Customer 1x' ELSE 'Shopper ' || g END, 'hi', "
                    + "timestamp '2026-11-01' - g * interval '1 minute' FROM generate_series(1, 6000) g");
            statement.execute("INSERT INTO messages (conversation_id, sender_id, is_from_customer, original_text, sent_at) "
                    + "SELECT c.id, 's', true, CASE WHEN c.instagram_conversation_id = 's-5300' THEN 'about item 7' "
                    + "ELSE 'hello ' || c.id END, c.last_message_at FROM conversations c WHERE c.business_id = "
                    + smallBusiness);
            statement.execute("INSERT INTO leads (business_id, instagram_user_id, customer_name, notes, status, created_at) "
                    + "SELECT " + smallBusiness + ", 'ig' || g, 'Shopper ' || g, "
                    + "CASE WHEN g = 5400 THEN 'notes 123' ELSE 'memo ' || g END, 'NEW', "
                    + "timestamp '2026-11-01' - g * interval '1 minute' FROM generate_series(1, 6000) g");
            statement.execute("INSERT INTO orders (order_number, business_id, status, order_date, created_at, "
                    + "tracking_number) SELECT 'S-' || g, " + smallBusiness + ", 'NEW', "
                    + "timestamp '2026-11-01' - g * interval '1 minute', timestamp '2026-11-01' - g * interval '1 minute', "
                    + "CASE WHEN g = 5400 THEN 'P-1234' END FROM generate_series(1, 6000) g");
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("ListPlansTest: seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A view: which list, under which filter, through which index, reading at most how many rows per row shown. */
    private record View(String name, String index, int rowsPerRow, Consumer<DSLContext> page) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<View> views() {
        LocalDateTime from = LocalDateTime.of(2026, 10, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2026, 10, 25, 0, 0);
        return Stream.of(
                inbox("inbox", "idx_conversations_inbox", 1, InboxFilter.active()),
                inbox("inbox unassigned", "idx_conversations_inbox_unassigned", 1,
                        InboxFilter.active().withAssignee(AssigneeFilter.UNASSIGNED)),
                inbox("inbox of one agent", "idx_conversations_inbox_business_assignee", 1,
                        InboxFilter.active().withAssignee(AssigneeFilter.user(agent))),
                inbox("inbox archived", "idx_conversations_inbox_archived", 1,
                        InboxFilter.active().withView(ArchiveView.ARCHIVED)),
                inbox("inbox with archived", "idx_conversations_inbox_all", 1,
                        InboxFilter.active().withView(ArchiveView.ALL)),
                inbox("inbox by channel", "idx_conversations_inbox", 4, InboxFilter.active().withChannels("FACEBOOK")),
                inbox("inbox by intent", "idx_conversations_inbox_intent", 1,
                        InboxFilter.active().withIntents(IntentLabel.BUYING)),
                inbox("inbox unread", "idx_conversations_inbox", 3, InboxFilter.active().withUnreadOnly(true)),
                inbox("inbox with orders", "idx_conversations_inbox", 2, InboxFilter.active().withHasOrders(YesNo.YES)),
                inbox("inbox without new lead", "idx_conversations_inbox", 2,
                        InboxFilter.active().withHasNewLead(YesNo.NO)),
                inbox("inbox with a new lead", "idx_conversations_inbox", 9,
                        InboxFilter.active().withHasNewLead(YesNo.YES)),
                leads("leads", "idx_leads_list", 1, LeadFilter.active()),
                leads("leads by status", "idx_leads_list_status", 2, LeadFilter.active().withStatuses(LeadStatus.NEW)),
                leads("leads by source", "idx_leads_list", 4, LeadFilter.active().withSources("AI")),
                leads("leads of one agent", "idx_leads_list_assignee", 1,
                        LeadFilter.active().withAssignee(AssigneeFilter.user(agent))),
                leads("leads by created date", "idx_leads_list", 1,
                        LeadFilter.active().withCreated(new TimeRange(from, to))),
                leads("leads with orders", "idx_leads_list_with_orders", 2,
                        LeadFilter.active().withHasOrders(YesNo.YES)),
                leads("leads with archived", "idx_leads_list", 1, LeadFilter.active().withView(ArchiveView.ALL)),
                orders("orders", "idx_orders_list", 1, OrderFilter.active()),
                orders("orders by status", "idx_orders_list_status", 2,
                        OrderFilter.active().withStatuses(OrderStatus.SHIPPED)),
                orders("orders by payment", "idx_orders_list_payment_status", 2,
                        OrderFilter.active().withPaymentStatuses(PaymentStatus.PAID)),
                orders("orders by method", "idx_orders_list", 6, OrderFilter.active().withPaymentMethods("COD")),
                orders("orders by channel", "idx_orders_list", 6, OrderFilter.active().withChannels("WHATSAPP")),
                orders("orders of one agent", "idx_orders_list", 3,
                        OrderFilter.active().withAssignee(AssigneeFilter.user(agent))),
                orders("orders by created date", "idx_orders_list", 1,
                        OrderFilter.active().withCreated(new TimeRange(from, to))),
                orders("orders by delivered date", "idx_orders_list", 12,
                        OrderFilter.active().withDelivered(new TimeRange(from, to))));
    }

    /**
     * Searches: the term is a literal, so the plan may differ by term, but never between generic and custom.
     * {@code index} is a pattern: for a rare term, the planner may take the list's trigram index or the one that
     * holds the business beside the text (V058..V062), whichever its statistics make cheaper.
     */
    Stream<View> searches() {
        return Stream.of(
                inbox("inbox search, common", "idx_conversations_inbox", 0, InboxFilter.active().withSearch("item")),
                inbox("inbox search, rare", "idx_conversations(_business)?_search", 0,
                        InboxFilter.active().withSearch("handle39999")),
                leads("leads search, common", "idx_leads_list", 0, LeadFilter.active().withSearch("customer")),
                leads("leads search, rare", "idx_leads(_business)?_search", 0,
                        LeadFilter.active().withSearch("notes 29999")),
                orders("orders search, rare", "idx_orders(_business)?_search", 0,
                        OrderFilter.active().withSearch("P-19999")),
                // The window of a common term is a range of the list's index, not the business's every row filtered.
                orders("orders search, common prefix", "idx_orders_list", 0,
                        OrderFilter.active().withSearch(TextSearch.prefix("P-1"))));
    }

    /**
     * Searches in the smaller workspace for terms common in the large one and rare here: the lookup reads this
     * workspace's rows only, through an index whose condition holds its business (the business's own index range, or
     * the business beside the text), whatever the large workspace holds.
     */
    Stream<View> scopedSearches() {
        return Stream.of(
                new View("inbox search, a name common elsewhere", "", 0,
                        d -> page(new InboxQuery(d)::page, small, InboxFilter.active().withSearch("customer 1"))),
                new View("inbox search, a message common elsewhere", "", 0,
                        d -> page(new InboxQuery(d)::page, small, InboxFilter.active().withSearch("about item"))),
                new View("leads search, notes common elsewhere", "", 0,
                        d -> page(new LeadQuery(d)::page, small, LeadFilter.active().withSearch("notes 1"))),
                new View("orders search, numbers common elsewhere", "", 0,
                        d -> page(new OrderQuery(d)::page, small, OrderFilter.active().withSearch("P-1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopedSearches")
    void aSearchForATermCommonInAnotherWorkspaceReadsOnlyThisWorkspacesRows(View view) throws Exception {
        Query query = PreparedPlans.lastQuery(dsl, d -> view.page().accept(d));

        String generic = genericPlanLikeCustom(query);
        assertThat(generic).as(generic).doesNotContain("Seq Scan")
                .doesNotContainPattern("idx_(conversations|messages|leads|orders)_search ");
        Matcher scan = Pattern.compile("(?:Bitmap Index Scan on|Index Scan using|Index Only Scan using) (\\S+)"
                + "[^\\n]*\\n\\s*(Index Cond: [^\\n]*)?").matcher(generic);
        int scoped = 0;
        while (scan.find()) {
            String index = scan.group(1);
            if (index.endsWith("_pkey") || index.equals("idx_messages_unfilled_business")) {
                continue; // a row's own lookup by id; the messages not given a business yet (none here)
            }
            assertThat(scan.group(2)).as("%s in%n%s", index, generic).matches("Index Cond: \\(+business_id = .*");
            scoped++;
        }
        assertThat(scoped).as(generic).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void aSearchPageHasTheSamePlanUnderGenericAndCustomPlansAndUsesTheExpectedIndex(View view) throws Exception {
        Query query = PreparedPlans.lastQuery(dsl, d -> view.page().accept(d));

        String generic = genericPlanLikeCustom(query);
        assertThat(generic).as(generic).containsPattern(" " + view.index() + " ").doesNotContain("Seq Scan");
    }

    private View inbox(String name, String index, int rowsPerRow, InboxFilter filter) {
        return new View(name, index, rowsPerRow, d -> page(new InboxQuery(d)::page, filter));
    }

    private View leads(String name, String index, int rowsPerRow, LeadFilter filter) {
        return new View(name, index, rowsPerRow, d -> page(new LeadQuery(d)::page, filter));
    }

    private View orders(String name, String index, int rowsPerRow, OrderFilter filter) {
        return new View(name, index, rowsPerRow, d -> page(new OrderQuery(d)::page, filter));
    }


    /** Page {@value #DEEP} of the list: its query is what the test explains. */
    private <F> void page(ListPage<F> list, F filter) {
        page(list, workspace, filter);
    }

    private <F> void page(ListPage<F> list, long workspaceId, F filter) {
        PageRequest request = PageRequest.first(PAGE);
        for (int i = 0; i < DEEP; i++) {
            Page<?> page = list.page(workspaceId, filter, request);
            if (page.nextCursor().isEmpty()) {
                return;
            }
            request = request.after(page.nextCursor().get());
        }
        list.page(workspaceId, filter, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void aDeepPageIsTheSameIndexRangeScanUnderGenericAndCustomPlans(View view) throws Exception {
        Query query = PreparedPlans.lastQuery(dsl, view.page());

        String generic = genericPlanLikeCustom(query);
        assertThat(generic).as(generic).contains("Index Scan using " + view.index() + " on ")
                .doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap");
        assertThat(PreparedPlans.rowsFrom(generic, view.index())).as(generic)
                .isLessThanOrEqualTo((PAGE + 1) * view.rowsPerRow() + 20);
    }

    /** The plan of {@code query} under a generic plan, after checking it has its custom plan's shape. */
    private String genericPlanLikeCustom(Query query) throws SQLException {
        try (Connection connection = database.connect()) {
            String generic = PreparedPlans.explain(connection, query, "force_generic_plan");
            String custom = PreparedPlans.explain(connection, query, "force_custom_plan");
            assertThat(PreparedPlans.shape(generic)).as("generic plan:%n%s%ncustom plan:%n%s", generic, custom)
                    .isEqualTo(PreparedPlans.shape(custom));
            return generic;
        }
    }
}

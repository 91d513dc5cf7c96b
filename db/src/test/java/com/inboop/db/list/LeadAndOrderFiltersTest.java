package com.inboop.db.list;

import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.Seed;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The leads and orders lists' filters of the domain (search, created and delivered dates, has orders, payment
 * method, channel, include archived), each against a look-alike workspace whose identical rows must never show.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class LeadAndOrderFiltersTest {

    private final DSLContext dsl;
    private final Seed seed;
    private long workspace;
    private long lookalike;

    LeadAndOrderFiltersTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    @BeforeEach
    void twoLookAlikeWorkspaces() {
        workspace = seed.workspace("shop");
        lookalike = seed.workspace("shop");
    }

    private List<Long> leadIds(LeadFilter filter) {
        return new LeadQuery(dsl).page(workspace, filter, PageRequest.first(200)).rows().stream().map(LeadRow::id)
                .toList();
    }

    private List<Long> orderIds(OrderFilter filter) {
        return new OrderQuery(dsl).page(workspace, filter, PageRequest.first(200)).rows().stream().map(OrderRow::id)
                .toList();
    }

    /** The same lead in both workspaces; returns the one in {@code workspace}. */
    private long twinLead(int minutesAgo, String customer, String notes) {
        long mine = 0;
        for (long ws : new long[] {lookalike, workspace}) {
            mine = seed.lead(ws, LeadStatus.NEW, "MANUAL", minutesAgo);
            dsl.update(LEADS).set(LEADS.CUSTOMER_NAME, customer).set(LEADS.NOTES, notes).where(LEADS.ID.eq(mine))
                    .execute();
        }
        return mine;
    }

    /** The same order in both workspaces; returns the one in {@code workspace}. */
    private long twinOrder(int minutesAgo, java.util.function.Consumer<com.inboop.db.schema.tables.records.OrdersRecord> change) {
        long mine = 0;
        for (long ws : new long[] {lookalike, workspace}) {
            mine = seed.order(ws, OrderStatus.NEW, PaymentStatus.UNPAID, minutesAgo);
            var record = dsl.fetchSingle(ORDERS, ORDERS.ID.eq(mine));
            change.accept(record);
            record.store();
        }
        return mine;
    }

    @Test
    void leadsSearchTheCustomersNameAndTheNotes() {
        long byName = twinLead(1, "Meera Iyer", "wants shoes");
        long byNotes = twinLead(2, "Someone", "asked about the MEERA collection");
        twinLead(3, "Other", "nothing");

        assertThat(leadIds(LeadFilter.active().withSearch("meera"))).containsExactly(byName, byNotes);
        assertThat(leadIds(LeadFilter.active().withSearch("wants shoes"))).containsExactly(byName);
    }

    @Test
    void leadsByCreatedDateIncludeTheStartAndExcludeTheEnd() {
        long atStart = seed.lead(workspace, LeadStatus.NEW, "AI", 120);
        long inside = seed.lead(workspace, LeadStatus.NEW, "AI", 90);
        seed.lead(workspace, LeadStatus.NEW, "AI", 60);
        seed.lead(workspace, LeadStatus.NEW, "AI", 121);
        seed.lead(lookalike, LeadStatus.NEW, "AI", 90);

        TimeRange range = new TimeRange(Seed.NOW.minusMinutes(120), Seed.NOW.minusMinutes(60));
        assertThat(leadIds(LeadFilter.active().withCreated(range))).containsExactly(inside, atStart);
        assertThat(leadIds(LeadFilter.active().withCreated(TimeRange.from(Seed.NOW.minusMinutes(61)))))
                .hasSize(1);
    }

    @Test
    void leadsWithOrdersAreThoseAnOrderNamesThatIsNotDeleted() {
        long converted = seed.lead(workspace, LeadStatus.CONVERTED, "AI", 1);
        long orderDeleted = seed.lead(workspace, LeadStatus.CONVERTED, "AI", 2);
        long none = seed.lead(workspace, LeadStatus.NEW, "AI", 3);
        long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);
        long deletedOrder = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);
        dsl.update(ORDERS).set(ORDERS.LEAD_ID, converted).where(ORDERS.ID.eq(order)).execute();
        dsl.update(ORDERS).set(ORDERS.LEAD_ID, orderDeleted).set(ORDERS.DELETED_AT, Seed.NOW)
                .where(ORDERS.ID.eq(deletedOrder)).execute();

        assertThat(leadIds(LeadFilter.active().withHasOrders(YesNo.YES))).containsExactly(converted);
        assertThat(leadIds(LeadFilter.active().withHasOrders(YesNo.NO))).containsExactly(orderDeleted, none);
    }

    @Test
    void leadsIncludingArchivedShowBothButNeverTheDeleted() {
        long active = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        long archived = seed.lead(workspace, LeadStatus.LOST, "AI", 2);
        long deleted = seed.lead(workspace, LeadStatus.NEW, "AI", 3);
        dsl.update(LEADS).set(LEADS.ARCHIVED_AT, Seed.NOW).where(LEADS.ID.eq(archived)).execute();
        dsl.update(LEADS).set(LEADS.DELETED_AT, Seed.NOW).where(LEADS.ID.eq(deleted)).execute();

        assertThat(leadIds(LeadFilter.active().withView(ArchiveView.ALL))).containsExactly(active, archived);
    }

    @Test
    void ordersSearchNumberCustomerHandleAndTrackingNumber() {
        long byNumber = twinOrder(1, o -> o.setOrderNumber(o.getOrderNumber() + "-XK42"));
        long byName = twinOrder(2, o -> o.setCustomerName("Xk42 Traders"));
        long byHandle = twinOrder(3, o -> o.setCustomerHandle("@xk42shop"));
        long byTracking = twinOrder(4, o -> o.setTrackingNumber("DHLXK42999"));
        twinOrder(5, o -> o.setCustomerName("Nobody"));

        assertThat(orderIds(OrderFilter.active().withSearch("xk42")))
                .containsExactly(byNumber, byName, byHandle, byTracking);
    }

    @Test
    void aPrefixOfOneOrTwoCharactersFindsTheOrderNumbersThatStartWithIt() {
        long ee1 = twinOrder(1, o -> o.setOrderNumber("EE-" + o.getOrderNumber()));
        long ee2 = twinOrder(2, o -> o.setOrderNumber("ee-" + o.getOrderNumber()));
        twinOrder(3, o -> o.setOrderNumber("A-EE-" + o.getOrderNumber()).setCustomerName("Lee"));
        long e4 = twinOrder(4, o -> o.setOrderNumber("E_" + o.getOrderNumber()));

        assertThat(orderIds(OrderFilter.active().withSearch(TextSearch.prefix("EE")))).containsExactly(ee1, ee2);
        assertThat(orderIds(OrderFilter.active().withSearch(TextSearch.prefix("e")))).containsExactly(ee1, ee2, e4);
        assertThat(orderIds(OrderFilter.active().withSearch(TextSearch.prefix("E_")))).as("_ is no wildcard")
                .containsExactly(e4);
        assertThat(OrderFilter.fromQueryParameters(Map.of("q", List.of("EE"), "match", List.of("prefix"))))
                .isEqualTo(OrderFilter.active().withSearch(TextSearch.prefix("EE")));
        assertThatThrownBy(() -> OrderFilter.active().withSearch("EE")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("search a prefix: TextSearch.prefix(\"EE\"), or match=prefix");
    }

    @Test
    void aRareTermFarDownTheListIsFoundThroughTheIndexAndATermInEveryRowFillsThePage() {
        dsl.execute("INSERT INTO orders (order_number, business_id, status, tracking_number, order_date, created_at) "
                + "SELECT 'BULK-' || g, " + seed.businessOf(workspace) + ", 'NEW', 'TRK' || g, "
                + "timestamp '2026-11-25' - g * interval '1 minute', timestamp '2026-11-25' - g * interval '1 minute' "
                + "FROM generate_series(1, " + (com.inboop.db.internal.list.Keyset.SEARCH_WINDOW + 300) + ") g");
        long oldest = twinOrder(100_000, o -> o.setTrackingNumber("DHL-RARE-7"));

        assertThat(orderIds(OrderFilter.active().withSearch("rare-7"))).containsExactly(oldest);
        assertThat(new OrderQuery(dsl).page(workspace, OrderFilter.active().withSearch("bulk-"), PageRequest.first(50))
                .rows()).hasSize(50).allSatisfy(row -> assertThat(row.orderNumber()).startsWith("BULK-"));
    }

    @Test
    void ordersByPaymentMethodAndChannel() {
        long cod = twinOrder(1, o -> o.setPaymentMethod("COD").setChannel("INSTAGRAM"));
        long online = twinOrder(2, o -> o.setPaymentMethod("ONLINE").setChannel("WHATSAPP"));
        long messenger = twinOrder(3, o -> o.setPaymentMethod("BANK_TRANSFER").setChannel("MESSENGER"));
        long unknown = twinOrder(4, o -> o.setPaymentMethod(null).setChannel(null));

        assertThat(orderIds(OrderFilter.active().withPaymentMethods("COD"))).containsExactly(cod);
        assertThat(orderIds(OrderFilter.active().withPaymentMethods("COD", "ONLINE"))).containsExactly(cod, online);
        assertThat(orderIds(OrderFilter.active().withChannels("FACEBOOK"))).containsExactly(messenger);
        assertThat(orderIds(OrderFilter.active().withChannels("WHATSAPP"))).containsExactly(online);
        assertThat(orderIds(OrderFilter.active())).containsExactly(cod, online, messenger, unknown);
    }

    @Test
    void ordersByCreatedOrDeliveredDate() {
        LocalDateTime day = Seed.NOW.minusDays(1);
        long deliveredYesterday = twinOrder(10, o -> o.setDeliveredAt(day.plusHours(3)));
        long deliveredToday = twinOrder(20, o -> o.setDeliveredAt(Seed.NOW));
        long notDelivered = twinOrder(3000, o -> o.setDeliveredAt(null));

        assertThat(orderIds(OrderFilter.active().withDelivered(new TimeRange(day, day.plusDays(1)))))
                .containsExactly(deliveredYesterday);
        assertThat(orderIds(OrderFilter.active().withCreated(new TimeRange(null, Seed.NOW.minusMinutes(15)))))
                .containsExactly(deliveredToday, notDelivered);
        assertThat(orderIds(OrderFilter.active().withDelivered(TimeRange.ANY)))
                .containsExactly(deliveredYesterday, deliveredToday, notDelivered);
    }

    @Test
    void walkingLeadsAndOrdersWhileRowsArriveSkipsNothingAndRepeatsNothing() {
        List<Long> leads = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            leads.add(seed.lead(workspace, LeadStatus.NEW, "AI", 500 + i % 4));
            orders.add(seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 500 + i % 4));
        }
        assertThat(walk(request -> new LeadQuery(dsl).page(workspace, LeadFilter.active(), request),
                minutes -> seed.lead(workspace, LeadStatus.NEW, "AI", (int) minutes), LeadRow::id))
                .doesNotHaveDuplicates().containsAll(leads);
        assertThat(walk(request -> new OrderQuery(dsl).page(workspace, OrderFilter.active(), request),
                minutes -> seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, (int) minutes), OrderRow::id))
                .doesNotHaveDuplicates().containsAll(orders);
    }

    /** Every id seen walking a list 7 rows at a time, with a newest row and a tie added between pages. */
    private <T> List<Long> walk(java.util.function.Function<PageRequest, Page<T>> list, LongFunction<Long> add,
                                java.util.function.ToLongFunction<T> id) {
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(7);
        int minutes = 0;
        while (true) {
            Page<T> page = list.apply(request);
            page.rows().forEach(row -> seen.add(id.applyAsLong(row)));
            add.apply(minutes++);
            add.apply(501);
            if (page.nextCursor().isEmpty()) {
                return seen;
            }
            request = request.after(page.nextCursor().get());
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> new LeadQuery(dsl).page(workspace, null, PageRequest.first()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("filter: must not be null");
        assertThatThrownBy(() -> new OrderQuery(dsl).page(workspace, OrderFilter.active(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("request: must not be null");
        assertThatThrownBy(() -> LeadFilter.active().withCreated(null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("filter:");
        assertThatThrownBy(() -> new TimeRange(Seed.NOW, Seed.NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("to: must be after from");
        assertThatThrownBy(() -> new TimeRange(LocalDateTime.of(10_000, 1, 1, 0, 0), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("from: must be within the years");
        assertThatThrownBy(() -> OrderFilter.active().withStatuses((OrderStatus[]) null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("statuses: must not be null");
        assertThatThrownBy(() -> LeadFilter.active().withSources("AI", null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("sources: must not be null");
        assertThatThrownBy(() -> TimeRange.from(null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("from: must not be null");
        assertThatThrownBy(() -> OrderFilter.active().withPaymentMethods("C O D"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("paymentMethods:");
    }
}

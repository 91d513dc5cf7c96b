package com.inboop.db;

import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * A workspace of several businesses is one list in one order: each business's page is read on its own index range
 * and the pages are merged, so walking the list gives every row once, newest first, across the businesses.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class MultiBusinessWorkspaceTest {

    private final DSLContext dsl;
    private final Seed seed;
    private long workspace;
    private long second;
    private long third;

    MultiBusinessWorkspaceTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    @BeforeEach
    void aWorkspaceOfThreeBusinessesAndANeighbour() {
        workspace = seed.workspace("group");
        second = seed.business(workspace, "group whatsapp shop");
        third = seed.business(workspace, "group outlet");
        seed.conversation(seed.workspace("neighbour"), "INSTAGRAM", 1);
    }

    @Test
    void theInboxInterleavesTheBusinessesInActivityOrder() {
        List<Long> expected = new ArrayList<>();
        for (int minutes = 0; minutes < 23; minutes++) {
            long business = minutes % 3 == 0 ? second : minutes % 5 == 0 ? third : seed.businessOf(workspace);
            expected.add(seed.update(seed.conversation(workspace, "INSTAGRAM", minutes / 2),
                    c -> c.setBusinessId(business)).getId());
        }
        List<Long> walked = walk(r -> new InboxQuery(dsl).page(workspace, InboxFilter.active(), r),
                InboxRow::conversationId);

        assertThat(walked).hasSameElementsAs(expected).doesNotHaveDuplicates();
        assertThat(walked).isEqualTo(new InboxQuery(dsl).page(workspace, InboxFilter.active(), PageRequest.first(200))
                .rows().stream().map(InboxRow::conversationId).toList());
        List<java.time.LocalDateTime> times = new InboxQuery(dsl).page(workspace, InboxFilter.active(),
                PageRequest.first(200)).rows().stream().map(InboxRow::activityAt).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void everyRowSaysWhichBusinessItCameFrom() {
        long conversation = seed.update(seed.conversation(workspace, "WHATSAPP", 1), c -> c.setBusinessId(second))
                .getId();
        long lead = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        dsl.update(LEADS).set(LEADS.BUSINESS_ID, third).where(LEADS.ID.eq(lead)).execute();
        long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);

        assertThat(new InboxQuery(dsl).page(workspace, InboxFilter.active(), PageRequest.first()).rows())
                .filteredOn(row -> row.conversationId() == conversation).singleElement()
                .extracting(InboxRow::businessId).isEqualTo(second);
        assertThat(new LeadQuery(dsl).page(workspace, LeadFilter.active(), PageRequest.first()).rows())
                .filteredOn(row -> row.id() == lead).singleElement().extracting(LeadRow::businessId).isEqualTo(third);
        assertThat(new OrderQuery(dsl).page(workspace, OrderFilter.active(), PageRequest.first()).rows())
                .filteredOn(row -> row.id() == order).singleElement().extracting(OrderRow::businessId)
                .isEqualTo(seed.businessOf(workspace));
    }

    @Test
    void leadsAndOrdersToo() {
        List<Long> leads = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        for (int minutes = 0; minutes < 17; minutes++) {
            long business = minutes % 2 == 0 ? second : third;
            long lead = seed.lead(workspace, LeadStatus.NEW, "AI", minutes / 3);
            dsl.update(LEADS).set(LEADS.BUSINESS_ID, business).where(LEADS.ID.eq(lead)).execute();
            leads.add(lead);
            long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, minutes / 3);
            dsl.update(ORDERS).set(ORDERS.BUSINESS_ID, business).where(ORDERS.ID.eq(order)).execute();
            orders.add(order);
        }

        assertThat(walk(r -> new LeadQuery(dsl).page(workspace, LeadFilter.active(), r), LeadRow::id))
                .hasSameElementsAs(leads).doesNotHaveDuplicates()
                .isEqualTo(new LeadQuery(dsl).page(workspace, LeadFilter.active(), PageRequest.first(200)).rows()
                        .stream().map(LeadRow::id).toList());
        assertThat(walk(r -> new OrderQuery(dsl).page(workspace, OrderFilter.active(), r), OrderRow::id))
                .hasSameElementsAs(orders).doesNotHaveDuplicates();
    }

    /** Every id of a list walked 4 rows at a time. */
    private static <T> List<Long> walk(Function<PageRequest, Page<T>> list, ToLongFunction<T> id) {
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        while (true) {
            Page<T> page = list.apply(request);
            page.rows().forEach(row -> seen.add(id.applyAsLong(row)));
            if (page.nextCursor().isEmpty()) {
                return seen;
            }
            request = request.after(page.nextCursor().get());
        }
    }
}

package com.inboop.db.status;

import static com.inboop.db.schema.Tables.ORDERS;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.ArchiveView;
import com.inboop.db.Ids;
import com.inboop.db.paging.Cursors;
import com.inboop.db.paging.Keyset;
import com.inboop.db.paging.Page;
import com.inboop.db.paging.PageRequest;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * A workspace's orders by order status and payment status (independently or together), assignee and archive
 * state, newest first, and counts by either status.
 */
public final class OrderQuery {

    private final DSLContext dsl;
    private final Cursors cursors;

    public OrderQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    public OrderQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = dsl;
        this.cursors = cursors;
    }

    /** One page of orders matching {@code filter}, newest first. */
    public Page<OrderRow> page(long workspaceId, OrderFilter filter, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        var ordered = dsl.select(ORDERS.ID, ORDERS.CONVERSATION_ID, ORDERS.STATUS, ORDERS.PAYMENT_STATUS,
                        ORDERS.PAYMENT_METHOD, ORDERS.TOTAL, ORDERS.CURRENCY, ORDERS.ASSIGNED_TO_USER_ID,
                        ORDERS.CREATED_AT)
                .from(ORDERS)
                .where(ORDERS.WORKSPACE_ID.eq(workspaceId).and(ORDERS.DELETED_AT.isNull()).and(filter.condition()))
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc());
        return Keyset.page(ordered, request, Keyset.scope("orders", workspaceId, filter.canonical()), cursors,
                r -> new OrderRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()),
                row -> Cursors.Position.of(row.createdAt(), row.id()));
    }

    /** Orders per order status. */
    public StatusCounts<OrderStatus> countByStatus(long workspaceId, ArchiveView view) {
        return StatusCounting.count(dsl, ORDERS, ORDERS.STATUS, OrderStatus.class, visible(workspaceId, view));
    }

    /** Orders per payment status; {@link StatusCounts#unset()} counts orders whose payment status is unknown. */
    public StatusCounts<PaymentStatus> countByPaymentStatus(long workspaceId, ArchiveView view) {
        return StatusCounting.count(dsl, ORDERS, ORDERS.PAYMENT_STATUS, PaymentStatus.class,
                visible(workspaceId, view));
    }

    private static Condition visible(long workspaceId, ArchiveView view) {
        Ids.require("workspaceId", workspaceId);
        return ORDERS.WORKSPACE_ID.eq(workspaceId).and(ORDERS.DELETED_AT.isNull())
                .and(view.condition(ORDERS.ARCHIVED_AT));
    }
}

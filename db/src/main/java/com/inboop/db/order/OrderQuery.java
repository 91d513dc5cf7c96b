package com.inboop.db.order;

import static com.inboop.db.schema.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record17;
import org.jooq.Records;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.list.Keyset;
import com.inboop.db.internal.list.ListShape;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.StatusCounts;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * A workspace's orders by order status and payment status (independently or together), assignee and archive
 * state, newest first, and counts by either status.
 */
public final class OrderQuery {

    /**
     * The list's sort key: the creation time, else the order date (never NULL). The same expression as
     * idx_orders_list (V026).
     */
    static final Field<LocalDateTime> CREATED_AT = DSL.coalesce(ORDERS.CREATED_AT, ORDERS.ORDER_DATE);

    private final DSLContext dsl;
    private final Cursors cursors;
    private final ListShape<Record17<Long, Long, String, Long, String, String, String, OrderStatus, String,
            PaymentStatus, String, BigDecimal, String, String, Long, LocalDateTime, LocalDateTime>, OrderRow> list;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public OrderQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public OrderQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = DatabaseFailures.translating(dsl);
        this.cursors = Arguments.require("cursors", cursors);
        this.list = new ListShape<>("orders", ORDERS, CREATED_AT, ORDERS.ID, ORDERS.BUSINESS_ID, ORDERS.DELETED_AT,
                ORDERS.ARCHIVED_AT,
                where -> this.dsl.select(ORDERS.ID, ORDERS.BUSINESS_ID, ORDERS.ORDER_NUMBER, ORDERS.CONVERSATION_ID,
                                ORDERS.CHANNEL,                                ORDERS.CUSTOMER_NAME, ORDERS.CUSTOMER_HANDLE, EffectiveStatus.ORDER.as("status"),
                                ORDERS.STATUS.as("legacy_status"), EffectiveStatus.PAYMENT.as("payment_status"),
                                ORDERS.PAYMENT_METHOD, ORDERS.TOTAL_AMOUNT, ORDERS.CURRENCY, ORDERS.TRACKING_NUMBER,
                                ORDERS.ASSIGNED_TO_USER_ID, ORDERS.DELIVERED_AT, Keyset.sortKey(CREATED_AT))
                        .from(ORDERS)
                        .where(where),
                Records.mapping(OrderRow::new),
                row -> Cursors.Position.of(row.createdAt(), row.id()),
                ListShape.searching(OrderFilter.SEARCHED, List.of(ORDERS.ORDER_NUMBER,
                        ORDERS.CUSTOMER_NAME, ORDERS.CUSTOMER_HANDLE, ORDERS.TRACKING_NUMBER)));
    }

    /**
     * One page of orders matching {@code filter}, newest first: an index range scan on idx_orders_list (a search:
     * on idx_orders_search when the term is rare). The customer shown is the order's own denormalized copy.
     *
     * @throws InvalidRequestException for a bad id, null filter or request, or a cursor of another list or filter
     */
    public Page<OrderRow> page(long workspaceId, OrderFilter filter, PageRequest request) {
        Arguments.require("filter", filter);
        return list.page(dsl, cursors, workspaceId, filter.filtering(), request);
    }

    /** Orders per fulfilment status. */
    public StatusCounts<OrderStatus> countByStatus(long workspaceId, ArchiveView view) {
        return list.count(dsl, workspaceId, view, EffectiveStatus.ORDER);
    }

    /** Orders per payment status; {@link StatusCounts#unset()} counts orders whose payment status is unknown. */
    public StatusCounts<PaymentStatus> countByPaymentStatus(long workspaceId, ArchiveView view) {
        return list.count(dsl, workspaceId, view, EffectiveStatus.PAYMENT);
    }
}

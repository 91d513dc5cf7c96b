package com.inboop.db.order;

import static com.inboop.db.schema.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.list.Keyset;
import com.inboop.db.internal.list.ListShape;
import com.inboop.db.internal.statement.Column;
import com.inboop.db.internal.statement.Columns;
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
    private final ListShape<OrderRow> list;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public OrderQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public OrderQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = DatabaseFailures.translating(dsl);
        this.cursors = Arguments.require("cursors", cursors);
        this.list = list(this.dsl);
    }

    /** The orders list: its columns, each read into {@link OrderRow} by its position. */
    private static ListShape<OrderRow> list(DSLContext dsl) {
        Columns columns = new Columns();
        Column<Long> id = columns.add(ORDERS.ID);
        Column<Long> businessId = columns.add(ORDERS.BUSINESS_ID);
        Column<String> orderNumber = columns.add(ORDERS.ORDER_NUMBER);
        Column<Long> conversationId = columns.add(ORDERS.CONVERSATION_ID);
        Column<String> channel = columns.add(ORDERS.CHANNEL);
        Column<String> customerName = columns.add(ORDERS.CUSTOMER_NAME);
        Column<String> customerHandle = columns.add(ORDERS.CUSTOMER_HANDLE);
        Column<OrderStatus> status = columns.add(EffectiveStatus.ORDER.as("status"));
        Column<String> legacyStatus = columns.add(ORDERS.STATUS.as("legacy_status"));
        Column<PaymentStatus> paymentStatus = columns.add(EffectiveStatus.PAYMENT.as("payment_status"));
        Column<String> paymentMethod = columns.add(ORDERS.PAYMENT_METHOD);
        Column<BigDecimal> totalAmount = columns.add(ORDERS.TOTAL_AMOUNT);
        Column<String> currency = columns.add(ORDERS.CURRENCY);
        Column<String> trackingNumber = columns.add(ORDERS.TRACKING_NUMBER);
        Column<Long> assignee = columns.add(ORDERS.ASSIGNED_TO_USER_ID);
        Column<LocalDateTime> deliveredAt = columns.add(ORDERS.DELIVERED_AT);
        Column<LocalDateTime> createdAt = columns.add(Keyset.sortKey(CREATED_AT));
        return new ListShape<>(dsl, "orders", ORDERS, CREATED_AT, ORDERS.ID, ORDERS.BUSINESS_ID, ORDERS.DELETED_AT,
                ORDERS.ARCHIVED_AT, columns,
                row -> new OrderRow(id.read(row), businessId.read(row), orderNumber.read(row),
                        conversationId.read(row), channel.read(row), customerName.read(row),
                        customerHandle.read(row), status.read(row), legacyStatus.read(row), paymentStatus.read(row),
                        paymentMethod.read(row), totalAmount.read(row), currency.read(row), trackingNumber.read(row),
                        assignee.read(row), deliveredAt.read(row), createdAt.read(row)),
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
        return list.page(cursors, workspaceId, filter.filtering(), request);
    }

    /** Orders per fulfilment status. */
    public StatusCounts<OrderStatus> countByStatus(long workspaceId, ArchiveView view) {
        return list.count(workspaceId, view, EffectiveStatus.ORDER);
    }

    /** Orders per payment status; {@link StatusCounts#unset()} counts orders whose payment status is unknown. */
    public StatusCounts<PaymentStatus> countByPaymentStatus(long workspaceId, ArchiveView view) {
        return list.count(workspaceId, view, EffectiveStatus.PAYMENT);
    }
}

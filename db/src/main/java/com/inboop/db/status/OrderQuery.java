package com.inboop.db.status;

import static com.inboop.db.schema.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record16;
import org.jooq.RecordMapper;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.Arguments;
import com.inboop.db.Ids;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.WorkspaceScope;
import com.inboop.db.legacy.EffectiveStatus;
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

    /**
     * The list's sort key: the creation time, else the order date (never NULL). The same expression as
     * idx_orders_list (V026).
     */
    static final Field<LocalDateTime> CREATED_AT = DSL.coalesce(ORDERS.CREATED_AT, ORDERS.ORDER_DATE);

    private final DSLContext dsl;
    private final Cursors cursors;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public OrderQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public OrderQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = Arguments.requirePostgres(dsl);
        this.cursors = Arguments.require("cursors", cursors);
    }

    /**
     * One page of orders matching {@code filter}, newest first: an index range scan on idx_orders_list (a search:
     * on idx_orders_search when the term is rare). The customer shown is the order's own denormalized copy.
     *
     * @throws InvalidRequestException for a bad id, null filter or request, or a cursor of another list or filter
     */
    public Page<OrderRow> page(long workspaceId, OrderFilter filter, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("filter", filter);
        Arguments.require("request", request);
        List<Long> businesses = WorkspaceScope.businessesOf(dsl, workspaceId);
        Function<Condition, SelectConditionStep<Record16<Long, String, Long, String, String, String, OrderStatus,
                String, PaymentStatus, String, BigDecimal, String, String, Long, LocalDateTime,
                LocalDateTime>>> select = where -> dsl.select(ORDERS.ID, ORDERS.ORDER_NUMBER,
                        ORDERS.CONVERSATION_ID, ORDERS.CHANNEL, ORDERS.CUSTOMER_NAME, ORDERS.CUSTOMER_HANDLE,
                        EffectiveStatus.ORDER.as("status"), ORDERS.STATUS.as("legacy_status"),
                        EffectiveStatus.PAYMENT.as("payment_status"),
                        ORDERS.PAYMENT_METHOD, ORDERS.TOTAL_AMOUNT, ORDERS.CURRENCY, ORDERS.TRACKING_NUMBER,
                        ORDERS.ASSIGNED_TO_USER_ID, ORDERS.DELIVERED_AT, Keyset.sortKey(CREATED_AT))
                .from(ORDERS)
                .where(where);
        RecordMapper<Record16<Long, String, Long, String, String, String, OrderStatus, String, PaymentStatus,
                String, BigDecimal, String, String, Long, LocalDateTime, LocalDateTime>, OrderRow> toRow =
                r -> new OrderRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14(), r.value15(), r.value16());
        Condition listed = ORDERS.DELETED_AT.isNull().and(filter.condition());
        var list = new Keyset.Listing<>(ORDERS, CREATED_AT, ORDERS.ID, ORDERS.BUSINESS_ID, select);
        Optional<Keyset.Search> search = filter.search().isNone() ? Optional.empty()
                : Optional.of(Keyset.Search.of(filter.search().condition(OrderFilter.SEARCHED)));
        return Keyset.page(request, Keyset.scope("orders", workspaceId, filter.canonical()), cursors,
                row -> Cursors.Position.of(row.createdAt(), row.id()),
                (after, fetch) -> Keyset.rows(dsl, list, businesses, listed, search, after, fetch, toRow));
    }

    /** Orders per fulfilment status. */
    public StatusCounts<OrderStatus> countByStatus(long workspaceId, ArchiveView view) {
        return StatusCounting.count(dsl, ORDERS, EffectiveStatus.ORDER, visible(workspaceId, view));
    }

    /** Orders per payment status; {@link StatusCounts#unset()} counts orders whose payment status is unknown. */
    public StatusCounts<PaymentStatus> countByPaymentStatus(long workspaceId, ArchiveView view) {
        return StatusCounting.count(dsl, ORDERS, EffectiveStatus.PAYMENT, visible(workspaceId, view));
    }

    private Condition visible(long workspaceId, ArchiveView view) {
        Ids.require("workspaceId", workspaceId);
        StatusCounting.requireView(view);
        return WorkspaceScope.businessIn(ORDERS.BUSINESS_ID, WorkspaceScope.businessesOf(dsl, workspaceId))
                .and(ORDERS.DELETED_AT.isNull()).and(view.condition(ORDERS.ARCHIVED_AT));
    }
}

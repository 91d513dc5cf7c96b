package com.inboop.db.status;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.AssigneeFilter;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

import static com.inboop.db.schema.Tables.ORDERS;

/**
 * Which orders to list. Order status and payment status are independent (the design keeps them so): filter by
 * either, both, or neither; an empty set means "any". Each status is the typed column, else the legacy column's
 * mapping; an order whose status is unknown, or a legacy value without equivalent, matches only when no status of
 * that kind is asked for. Immutable; start from {@link #active()}.
 *
 * @param statuses        order statuses to show
 * @param paymentStatuses payment statuses to show
 * @param assignee        anyone, unassigned, or one user
 * @param view            active or archived; soft-deleted orders never
 */
public record OrderFilter(Set<OrderStatus> statuses, Set<PaymentStatus> paymentStatuses, AssigneeFilter assignee,
                          ArchiveView view) {

    public OrderFilter {
        if (statuses == null || paymentStatuses == null || assignee == null || view == null) {
            throw new InvalidRequestException("filter", "statuses, paymentStatuses, assignee and view must not be null");
        }
        if (statuses.stream().anyMatch(Objects::isNull) || paymentStatuses.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException(statuses.stream().anyMatch(Objects::isNull) ? "statuses" : "paymentStatuses",
                    "must not contain null");
        }
        statuses = Collections.unmodifiableSortedSet(new TreeSet<>(statuses));
        paymentStatuses = Collections.unmodifiableSortedSet(new TreeSet<>(paymentStatuses));
    }

    /** All active orders. */
    public static OrderFilter active() {
        return new OrderFilter(Set.of(), Set.of(), AssigneeFilter.ANYONE, ArchiveView.ACTIVE);
    }

    public OrderFilter withStatuses(OrderStatus... values) {
        return new OrderFilter(Set.of(values), paymentStatuses, assignee, view);
    }

    public OrderFilter withPaymentStatuses(PaymentStatus... values) {
        return new OrderFilter(statuses, Set.of(values), assignee, view);
    }

    public OrderFilter withAssignee(AssigneeFilter value) {
        return new OrderFilter(statuses, paymentStatuses, value, view);
    }

    public OrderFilter withView(ArchiveView value) {
        return new OrderFilter(statuses, paymentStatuses, assignee, value);
    }

    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(ORDERS.ARCHIVED_AT))
                .and(assignee.condition(Assignable.ORDER))
                .and(statuses.isEmpty() ? DSL.noCondition()
                        : LegacyMapping.ORDER_STATUS.isIn(ORDERS.STATUS_ENUM, ORDERS.STATUS, statuses))
                .and(paymentStatuses.isEmpty() ? DSL.noCondition()
                        : LegacyMapping.PAYMENT_STATUS.isIn(ORDERS.PAYMENT_STATUS_ENUM, ORDERS.PAYMENT_STATUS,
                                paymentStatuses));
    }

    String canonical() {
        return "statuses=" + statuses + ";payment=" + paymentStatuses + ";assignee=" + assignee.canonical()
                + ";view=" + view;
    }
}

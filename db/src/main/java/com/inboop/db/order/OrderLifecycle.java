package com.inboop.db.order;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.ORDER_TIMELINE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.lifecycle.Atomically;
import com.inboop.db.internal.lifecycle.CompareAndSet;
import com.inboop.db.internal.lifecycle.CreatedIn;
import com.inboop.db.internal.lifecycle.LeadStatuses;
import com.inboop.db.internal.lifecycle.StatusChange;
import com.inboop.db.internal.lifecycle.StatusRules;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lifecycle.IllegalTransitionException;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * Orders under the domain's rules, enforced here (not by triggers). Fulfilment: NEW → CONFIRMED → SHIPPED →
 * DELIVERED, and NEW or CONFIRMED → CANCELLED; DELIVERED and CANCELLED are final. Payment, independent of
 * fulfilment: UNPAID → PAID → REFUNDED. An order is DELIVERED only once PAID (or REFUNDED), except a COD order,
 * which may be delivered before the cash is confirmed.
 *
 * <p>Every change is a compare-and-set on the status the caller saw, writes the typed and the legacy column in the
 * same UPDATE (with the matching timestamp: shipped_at, delivered_at, cancelled_at, paid_at), and appends a row to
 * the order's timeline in the same transaction.
 */
public final class OrderLifecycle {

    static final StatusRules<OrderStatus> FULFILMENT = StatusRules.of("An order", "create a new order instead",
            OrderStatus.class,
            StatusRules.step(OrderStatus.NEW, OrderStatus.CONFIRMED),
            StatusRules.step(OrderStatus.CONFIRMED, OrderStatus.SHIPPED),
            StatusRules.step(OrderStatus.SHIPPED, OrderStatus.DELIVERED),
            StatusRules.step(OrderStatus.NEW, OrderStatus.CANCELLED),
            StatusRules.step(OrderStatus.CONFIRMED, OrderStatus.CANCELLED));

    static final StatusRules<PaymentStatus> PAYMENT = StatusRules.of("An order's payment", "a refund is final",
            PaymentStatus.class,
            StatusRules.step(PaymentStatus.UNPAID, PaymentStatus.PAID),
            StatusRules.step(PaymentStatus.PAID, PaymentStatus.REFUNDED));

    /** The timeline's event types (the CHECK on order_timeline.event_type lists them). */
    static final String STATUS_CHANGE = "STATUS_CHANGE";
    static final String PAYMENT_UPDATE = "PAYMENT_UPDATE";
    static final String COD = "COD";

    private static final CompareAndSet<OrderStatus> STATUS =
            new CompareAndSet<>(ORDERS, ORDERS.STATUS_ENUM, ORDERS.STATUS, EffectiveStatus.ORDER);
    private static final CompareAndSet<PaymentStatus> PAYMENT_STATUS = new CompareAndSet<>(ORDERS,
            ORDERS.PAYMENT_STATUS_ENUM, ORDERS.PAYMENT_STATUS, EffectiveStatus.PAYMENT);

    private final DSLContext dsl;

    /** Order changes through {@code dsl} (dialect POSTGRES). */
    public OrderLifecycle(DSLContext dsl) {
        this.dsl = DatabaseFailures.translating(dsl);
    }

    /** Whether fulfilment may go from {@code from} to {@code to}. */
    public static boolean allows(OrderStatus from, OrderStatus to) {
        return FULFILMENT.allows(from, to);
    }

    /** Whether payment may go from {@code from} to {@code to}. */
    public static boolean allows(PaymentStatus from, PaymentStatus to) {
        return PAYMENT.allows(from, to);
    }

    /**
     * Creates an order, NEW and UNPAID, in one transaction: the order (business, contact, channel and customer
     * copied from the conversation), its first timeline row, the conversation's order_count up by one, and, if it
     * names a lead, that lead CONVERTED (a NEW lead; one already CONVERTED stays so).
     *
     * @return the order's id, and the lead this call converted (empty if it named none, or one CONVERTED already)
     * @throws NotFoundException          if the conversation or the lead is not in the workspace
     * @throws InvalidRequestException    if the lead is from another conversation, the creator is not a user of the
     *                                    workspace, or the number is taken (numbers are unique across workspaces,
     *                                    a constraint of the backend's schema, so a taken number may be another
     *                                    workspace's)
     * @throws IllegalTransitionException if the lead is CLOSED or LOST
     */
    public OrderCreated create(long workspaceId, NewOrder order) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("order", order);
        return Atomically.result(dsl, configuration -> {
            DSLContext tx = configuration.dsl();
            ConversationsRecord conversation = CreatedIn.lock(tx, workspaceId, order.conversationId());
            WorkspaceScope.requireUser(tx, workspaceId, "createdByUserId", order.createdByUserId(),
                    "recorded on an order's timeline");
            // ON CONFLICT: of racing creations with one number, the first to insert wins and the others learn it
            // here, where a check before the INSERT would let two pass it and one fail on the unique key.
            long id = tx.insertInto(ORDERS)
                    .set(ORDERS.ORDER_NUMBER, order.orderNumber())
                    .set(ORDERS.BUSINESS_ID, conversation.getBusinessId())
                    .set(ORDERS.CONVERSATION_ID, conversation.getId())
                    .set(ORDERS.CONTACT_ID, conversation.getContactId())
                    .set(ORDERS.LEAD_ID, order.leadId())
                    .set(ORDERS.CHANNEL, conversation.getChannel())
                    .set(ORDERS.CUSTOMER_NAME, conversation.getCustomerName())
                    .set(ORDERS.CUSTOMER_HANDLE, conversation.getCustomerHandle())
                    .set(ORDERS.STATUS_ENUM, OrderStatus.NEW)
                    .set(ORDERS.STATUS, OrderStatus.NEW.getLiteral())
                    .set(ORDERS.PAYMENT_STATUS_ENUM, PaymentStatus.UNPAID)
                    .set(ORDERS.PAYMENT_STATUS, PaymentStatus.UNPAID.getLiteral())
                    .set(ORDERS.PAYMENT_METHOD, order.paymentMethod())
                    .set(ORDERS.TOTAL_AMOUNT, order.totalAmount())
                    .set(ORDERS.ORDER_DATE, UtcTime.NOW)
                    .set(ORDERS.CREATED_AT, UtcTime.NOW)
                    .set(ORDERS.UPDATED_AT, UtcTime.NOW)
                    .onConflict(ORDERS.ORDER_NUMBER).doNothing()
                    .returning(ORDERS.ID)
                    .fetchOptional(ORDERS.ID)
                    .orElseThrow(() -> new InvalidRequestException("orderNumber", "'" + order.orderNumber()
                            + "' is taken; order numbers are unique across all of Inboop (the backend's "
                            + "orders_order_number_key), choose another"));
            boolean converted = order.leadId() != null && convert(tx, workspaceId, order, conversation.getId(), id);
            timeline(tx, id, new Timeline(null, PaymentStatus.UNPAID, order.createdByUserId()), "created");
            CreatedIn.count(tx, conversation, CONVERSATIONS.ORDER_COUNT);
            return new OrderCreated(id, converted ? Optional.of(order.leadId()) : Optional.empty());
        });
    }

    /**
     * Moves fulfilment from {@code expected} to {@code target} if the order still is {@code expected}.
     *
     * @throws IllegalTransitionException if the lifecycle forbids it (before any SQL), or if {@code target} is
     *                                    DELIVERED and the order is neither paid nor COD
     * @throws NotFoundException          if the order is not in the workspace (or deleted)
     * @throws InvalidRequestException    if the actor is not a user of the workspace
     */
    public Transition<OrderStatus> changeStatus(long workspaceId, long orderId, OrderStatus expected,
                                                OrderStatus target, long actorUserId) {
        requireIds(workspaceId, orderId, actorUserId);
        Arguments.require("expected", expected);
        Arguments.require("target", target);
        FULFILMENT.require(expected, target);
        StatusChange<OrderStatus> change = StatusChange.of(expected, target, ORDERS.UPDATED_AT, UtcTime.NOW);
        Field<LocalDateTime> stamp = switch (target) {
            case SHIPPED -> ORDERS.SHIPPED_AT;
            case DELIVERED -> ORDERS.DELIVERED_AT;
            case CANCELLED -> ORDERS.CANCELLED_AT;
            default -> null;
        };
        if (stamp != null) {
            change = change.withAlso(stamp, UtcTime.NOW);
        }
        if (target == OrderStatus.DELIVERED) {
            change = change.withGuard(Literals.in(EffectiveStatus.PAYMENT,
                            List.of(PaymentStatus.PAID, PaymentStatus.REFUNDED)).or(ORDERS.PAYMENT_METHOD.eq(COD)),
                    () -> new IllegalTransitionException("An order", expected, target,
                            "it is neither paid nor cash on delivery (COD); mark it PAID first"));
        }
        return change(STATUS, workspaceId, orderId, change, new Timeline(STATUS_CHANGE, null, actorUserId));
    }

    /**
     * Moves payment from {@code expected} to {@code target} if the order's payment still is {@code expected}. An
     * order whose payment status is unknown (NULL, older than the column) matches no expected status.
     *
     * @throws IllegalTransitionException if the lifecycle forbids it (before any SQL)
     * @throws NotFoundException          if the order is not in the workspace (or deleted)
     * @throws InvalidRequestException    if the actor is not a user of the workspace
     */
    public Transition<PaymentStatus> changePayment(long workspaceId, long orderId, PaymentStatus expected,
                                                   PaymentStatus target, long actorUserId) {
        requireIds(workspaceId, orderId, actorUserId);
        Arguments.require("expected", expected);
        Arguments.require("target", target);
        PAYMENT.require(expected, target);
        StatusChange<PaymentStatus> change = StatusChange.of(expected, target, ORDERS.UPDATED_AT, UtcTime.NOW);
        if (target == PaymentStatus.PAID) {
            change = change.withAlso(ORDERS.PAID_AT, UtcTime.NOW);
        }
        return change(PAYMENT_STATUS, workspaceId, orderId, change,
                new Timeline(PAYMENT_UPDATE, target, actorUserId));
    }

    /**
     * One compare-and-set change of an order's status or payment, and its timeline row, in one transaction.
     */
    private <S extends Enum<S> & EnumType> Transition<S> change(CompareAndSet<S> status, long workspaceId,
                                                                 long orderId, StatusChange<S> change,
                                                                 Timeline entry) {
        return Atomically.result(dsl, configuration -> {
            DSLContext tx = configuration.dsl();
            WorkspaceScope.requireUser(tx, workspaceId, "actorUserId", entry.actorUserId(),
                    "recorded on an order's timeline");
            Transition<S> result = status.change(tx, order(workspaceId, orderId), change,
                    () -> new NotFoundException("order", orderId, workspaceId));
            if (result.applied()) {
                timeline(tx, orderId, entry, change.expected() + " -> " + change.target());
            }
            return result;
        });
    }

    /**
     * What an order's timeline row records besides its note.
     *
     * @param event       the event type (the CHECK on order_timeline.event_type lists them)
     * @param payment     the payment status to record (null for a fulfilment change or a creation)
     * @param actorUserId who made the change
     */
    private record Timeline(String event, PaymentStatus payment, long actorUserId) {
    }

    /**
     * Converts the lead the new order names: it must be in the same conversation, and NEW or CONVERTED.
     *
     * @return whether this call converted it (false: it was CONVERTED already)
     */
    private static boolean convert(DSLContext tx, long workspaceId, NewOrder order, long conversationId, long orderId) {
        var lead = tx.select(LEADS.CONVERSATION_ID, EffectiveStatus.LEAD).from(LEADS)
                .where(LeadStatuses.lead(workspaceId, order.leadId()))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("lead", order.leadId(), workspaceId));
        if (lead.value1() == null || lead.value1() != conversationId) {
            throw new InvalidRequestException("leadId", "lead " + order.leadId() + " is not from conversation "
                    + conversationId + "; an order converts a lead of its own conversation");
        }
        LeadStatus status = lead.value2();
        if (status == LeadStatus.CONVERTED) {
            return false;
        }
        LeadStatuses.RULES.require(status, LeadStatus.CONVERTED);
        return LeadStatuses.STATUS.change(tx, LEADS.ID.eq(order.leadId()),
                StatusChange.of(status, LeadStatus.CONVERTED, LEADS.UPDATED_AT, UtcTime.NOW)
                        .withAlso(LEADS.CONVERTED_AT, UtcTime.NOW)
                        .withAlso(LEADS.CONVERTED_ORDER_ID, DSL.val(orderId))
                        .withAlso(LEADS.CONVERTED_ORDER_NUMBER, DSL.val(order.orderNumber())),
                () -> new NotFoundException("lead", order.leadId(), workspaceId)).applied();
    }

    /**
     * Appends a row to order_timeline, its status read from the order in the same statement (the column is NOT
     * NULL, and a payment change leaves the status as it was).
     */
    private static void timeline(DSLContext tx, long orderId, Timeline entry, String note) {
        PaymentStatus payment = entry.payment();
        tx.insertInto(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID, ORDER_TIMELINE.STATUS, ORDER_TIMELINE.PAYMENT_STATUS,
                        ORDER_TIMELINE.EVENT_TYPE, ORDER_TIMELINE.NOTE, ORDER_TIMELINE.PERFORMED_BY_USER_ID,
                        ORDER_TIMELINE.CREATED_AT)
                .select(DSL.select(ORDERS.ID, ORDERS.STATUS,
                                DSL.val(payment == null ? null : payment.getLiteral(), ORDER_TIMELINE.PAYMENT_STATUS),
                                DSL.val(entry.event(), ORDER_TIMELINE.EVENT_TYPE), DSL.val(note, ORDER_TIMELINE.NOTE),
                                DSL.val(entry.actorUserId(), ORDER_TIMELINE.PERFORMED_BY_USER_ID), UtcTime.NOW)
                        .from(ORDERS).where(ORDERS.ID.eq(orderId)))
                .execute();
    }

    private static Condition order(long workspaceId, long orderId) {
        return ORDERS.ID.eq(orderId).and(WorkspaceScope.ownsBusiness(workspaceId, ORDERS.BUSINESS_ID))
                .and(ORDERS.DELETED_AT.isNull());
    }

    private static void requireIds(long workspaceId, long orderId, long actorUserId) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("orderId", orderId);
        Ids.require("actorUserId", actorUserId);
    }
}

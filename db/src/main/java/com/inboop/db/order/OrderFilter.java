package com.inboop.db.order;

import static com.inboop.db.schema.Tables.ORDERS;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.StoredCode;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.legacy.LegacyChannels;
import com.inboop.db.internal.list.Filtering;
import com.inboop.db.internal.list.ParameterReader;
import com.inboop.db.internal.list.ParameterWriter;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Which orders to list (domain: the three list surfaces, orders). Fulfilment status and payment status are
 * independent: filter by either, both, or neither; an empty set means "any". Each status is the typed column, else
 * the legacy column's mapping; an order whose status is unknown, or a legacy value without equivalent, matches only
 * when no status of that kind is asked for. Immutable, validated on construction (null included), and round-trips
 * through query parameters; start from {@link #active()}.
 *
 * @param search          text in the order number, the customer's name or handle, or the tracking number
 * @param statuses        fulfilment statuses to show
 * @param paymentStatuses payment statuses to show
 * @param paymentMethods  payment methods to show (ONLINE, COD, as stored)
 * @param channels        channels (INSTAGRAM, WHATSAPP, FACEBOOK; FACEBOOK also matches MESSENGER)
 * @param assignee        anyone, unassigned, or one user
 * @param created         when the order was created (UTC)
 * @param delivered       when it was delivered (UTC); a bounded range leaves out orders not delivered
 * @param view            active, archived, or both; soft-deleted orders never
 */
public record OrderFilter(TextSearch search, Set<OrderStatus> statuses, Set<PaymentStatus> paymentStatuses,
                          Set<String> paymentMethods, Set<String> channels, AssigneeFilter assignee, TimeRange created,
                          TimeRange delivered, ArchiveView view) {

    /**
     * Order number, customer name and handle, and tracking number as one text, as idx_orders_search (V033) indexes
     * it: the planner uses an expression index only for the same expression.
     */
    static final Field<String> SEARCHED = DSL.field("({0} || ' ' || coalesce({1}, '') || ' ' || coalesce({2}, '') "
            + "|| ' ' || coalesce({3}, ''))", SQLDataType.VARCHAR,
            ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_NAME, ORDERS.CUSTOMER_HANDLE, ORDERS.TRACKING_NUMBER);

    private static final Set<String> PARAMETERS = ParameterReader.names("q", "match", "status", "payment_status",
            "payment_method", "channel", "assignee", "created_from", "created_to", "delivered_from", "delivered_to",
            "view");

    public OrderFilter {
        if (search == null || statuses == null || paymentStatuses == null || paymentMethods == null
                || channels == null || assignee == null || created == null || delivered == null || view == null) {
            throw new InvalidRequestException("filter", "search, statuses, paymentStatuses, paymentMethods, channels, "
                    + "assignee, created, delivered and view must not be null (use TextSearch.NONE, empty sets, "
                    + "AssigneeFilter.ANYONE, TimeRange.ANY, ArchiveView.ACTIVE for no restriction)");
        }
        if (statuses.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("statuses", "must not contain null");
        }
        if (paymentStatuses.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("paymentStatuses", "must not contain null");
        }
        statuses = Collections.unmodifiableSortedSet(new TreeSet<>(statuses));
        paymentStatuses = Collections.unmodifiableSortedSet(new TreeSet<>(paymentStatuses));
        paymentMethods = StoredCode.normalized("paymentMethods", paymentMethods);
        channels = StoredCode.normalized("channels", channels);
    }

    /** All active orders. */
    public static OrderFilter active() {
        return new OrderFilter(TextSearch.NONE, Set.of(), Set.of(), Set.of(), Set.of(), AssigneeFilter.ANYONE,
                TimeRange.ANY, TimeRange.ANY, ArchiveView.ACTIVE);
    }

    /**
     * {@link #fromQueryParameters(Map, long)} for a caller without a viewing user: {@code assignee=me} is refused,
     * every other parameter is read the same way.
     *
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static OrderFilter fromQueryParameters(Map<String, List<String>> parameters) {
        return fromQueryParameters(parameters, AssigneeFilter.NO_VIEWER);
    }

    /**
     * The filter that query parameters describe: {@code q} (with {@code match=prefix}, a prefix),
     * {@code status}, {@code payment_status},
     * {@code payment_method}, {@code channel}, {@code assignee} ({@code anyone}, {@code unassigned}, {@code me}, a
     * user id), {@code created_from} / {@code created_to}, {@code delivered_from} / {@code delivered_to},
     * {@code view} ({@code active}/{@code archived}/{@code all}).
     *
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static OrderFilter fromQueryParameters(Map<String, List<String>> parameters, long viewerUserId) {
        ParameterReader p = ParameterReader.read(parameters, PARAMETERS);
        return new OrderFilter(p.search("q", "match"), p.enums("status", OrderStatus.class),
                p.enums("payment_status", PaymentStatus.class), p.codes("payment_method"), p.codes("channel"),
                AssigneeFilter.parse("assignee", p.single("assignee", ""), viewerUserId),
                p.range("created_from", "created_to"), p.range("delivered_from", "delivered_to"),
                p.enumValue("view", ArchiveView.class, ArchiveView.ACTIVE));
    }

    /** The query parameters {@link #fromQueryParameters} reads back as this filter; defaults left out. */
    public Map<String, List<String>> toQueryParameters() {
        return new ParameterWriter()
                .search("q", "match", search)
                .all("status", statuses, OrderStatus::name)
                .all("payment_status", paymentStatuses, PaymentStatus::name)
                .all("payment_method", paymentMethods, m -> m)
                .all("channel", channels, c -> c)
                .single("assignee", assignee.parameter(), AssigneeFilter.ANYONE.parameter())
                .range("created_from", "created_to", created)
                .range("delivered_from", "delivered_to", delivered)
                .single("view", view, ArchiveView.ACTIVE)
                .parameters();
    }

    /** This filter with a search for rows containing {@code text} ({@link TextSearch#of}). */
    public OrderFilter withSearch(String text) {
        return new OrderFilter(TextSearch.of(text), statuses, paymentStatuses, paymentMethods, channels, assignee,
                created, delivered, view);
    }

    /** This filter with {@code search}: a "contains" or a prefix search ({@link TextSearch#prefix}). */
    public OrderFilter withSearch(TextSearch search) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, channels, assignee,
                created, delivered, view);
    }

    public OrderFilter withStatuses(OrderStatus... values) {
        return new OrderFilter(search, Arguments.setOf("statuses", values),
                paymentStatuses, paymentMethods, channels, assignee, created, delivered, view);
    }

    public OrderFilter withPaymentStatuses(PaymentStatus... values) {
        return new OrderFilter(search, statuses, Arguments.setOf("paymentStatuses", values),
                paymentMethods, channels, assignee, created, delivered, view);
    }

    public OrderFilter withPaymentMethods(String... values) {
        return new OrderFilter(search, statuses, paymentStatuses, Arguments.setOf("paymentMethods", values),
                channels, assignee, created, delivered, view);
    }

    public OrderFilter withChannels(String... values) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, Arguments.setOf("channels", values),
                assignee, created, delivered, view);
    }

    public OrderFilter withAssignee(AssigneeFilter value) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, channels, value, created, delivered,
                view);
    }

    public OrderFilter withCreated(TimeRange value) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, channels, assignee, value,
                delivered, view);
    }

    public OrderFilter withDelivered(TimeRange value) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, channels, assignee, created, value,
                view);
    }

    public OrderFilter withView(ArchiveView value) {
        return new OrderFilter(search, statuses, paymentStatuses, paymentMethods, channels, assignee, created,
                delivered, value);
    }

    /** The SQL condition on orders, search excepted (the query's: it decides how to find the matches). */
    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(ORDERS.ARCHIVED_AT))
                .and(assignee.condition(Assignable.ORDER))
                .and(statuses.isEmpty() ? DSL.noCondition()
                        : Literals.in(EffectiveStatus.ORDER, statuses))
                .and(paymentStatuses.isEmpty() ? DSL.noCondition()
                        : Literals.in(EffectiveStatus.PAYMENT, paymentStatuses))
                .and(paymentMethods.isEmpty() ? DSL.noCondition() : Literals.in(ORDERS.PAYMENT_METHOD, paymentMethods))
                .and(channels.isEmpty() ? DSL.noCondition()
                        : Literals.in(ORDERS.CHANNEL, LegacyChannels.storedNamesOf(channels)))
                .and(created.condition(OrderQuery.CREATED_AT))
                .and(delivered.condition(ORDERS.DELIVERED_AT));
    }

    /** The filter as its list pages it: condition, search, and the query parameters cursors are bound to. */
    Filtering filtering() {
        return new Filtering(this::condition, search, toQueryParameters());
    }
}

package com.inboop.db.legacy;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.DataType;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * What a value the backend writes into a legacy {@code varchar} column means as one of the design's Postgres ENUMs
 * (the reasoning per value: {@code docs/legacy-values.md}). The database holds the same mapping as SQL functions
 * ({@code inboop_lead_status} and the others, migrations V041 to V043), which its triggers use to keep each typed
 * column in step with its legacy twin and the query layer uses to read a row's status; this class is the Java view
 * of it for backend code, and {@code LegacyMappingTest} checks the two agree on every value.
 *
 * <p>Case and surrounding blanks are not meaning: {@code 'new'} and {@code 'LOST '} mean NEW and LOST. Only ASCII
 * letters are upper-cased, as the SQL functions do with {@code COLLATE "C"}. A value without an equivalent (a typo,
 * a word of an old release) is never guessed: it maps to nothing, the typed column stays NULL for it and the legacy
 * column keeps it.
 *
 * @param <E> the generated enum
 */
public final class LegacyMapping<E extends Enum<E> & EnumType> {

    /** leads.status: the deprecated open stages count as NEW; SPAM was never an opportunity, so it is CLOSED. */
    public static final LegacyMapping<LeadStatus> LEAD_STATUS = of(LEADS.STATUS_ENUM.getDataType(), "inboop_lead_status", Map.of(
            "CONTACTED", LeadStatus.NEW,
            "QUALIFIED", LeadStatus.NEW,
            "NEGOTIATING", LeadStatus.NEW,
            "SPAM", LeadStatus.CLOSED));

    /**
     * orders.status: PENDING is the old name of NEW, PROCESSING a stage of CONFIRMED. REFUNDED is a payment state
     * stored as fulfilment: it has no fulfilment equivalent (see {@link #paymentStatus(String, String)}).
     */
    public static final LegacyMapping<OrderStatus> ORDER_STATUS = of(ORDERS.STATUS_ENUM.getDataType(), "inboop_order_status",
            Map.of("PENDING", OrderStatus.NEW, "PROCESSING", OrderStatus.CONFIRMED));

    /**
     * orders.payment_status: the same three values; NULL (rows older than the column) stays unknown. Its SQL function
     * also reads the order's legacy fulfilment status: {@link #paymentStatus(String, String)}.
     */
    public static final LegacyMapping<PaymentStatus> PAYMENT_STATUS = of(ORDERS.PAYMENT_STATUS_ENUM.getDataType(),
            "inboop_payment_status",
            Map.of());

    /** conversations.intent_label: the same five values. */
    public static final LegacyMapping<IntentLabel> INTENT_LABEL = of(CONVERSATIONS.INTENT_LABEL_ENUM.getDataType(),
            "inboop_intent_label",
            Map.of());

    /** The legacy fulfilment status that is really a payment state. */
    private static final String REFUNDED = "REFUNDED";

    private final DataType<E> type;
    private final String function;
    private final Map<String, E> byLegacy;

    private LegacyMapping(DataType<E> type, String function, Map<String, E> byLegacy) {
        this.type = type;
        this.function = function;
        this.byLegacy = Collections.unmodifiableMap(new LinkedHashMap<>(byLegacy));
    }

    /** Every design value maps to itself, plus {@code legacyOnly}. */
    private static <E extends Enum<E> & EnumType> LegacyMapping<E> of(DataType<E> type, String function,
                                                                      Map<String, E> legacyOnly) {
        Map<String, E> all = new LinkedHashMap<>();
        for (E value : type.getType().getEnumConstants()) {
            all.put(value.getLiteral(), value);
        }
        all.putAll(legacyOnly);
        return new LegacyMapping<>(type, function, all);
    }

    /** The generated enum this mapping produces. */
    public Class<E> type() {
        return type.getType();
    }

    /** The design value of a legacy value; empty for NULL and for a value without equivalent. */
    public Optional<E> map(String legacy) {
        return Optional.ofNullable(legacy == null ? null : byLegacy.get(normalized(legacy)));
    }

    /**
     * The payment status of an order from its two legacy columns: REFUNDED when its legacy fulfilment status says
     * REFUNDED (the refund came after the payment, whatever {@code payment_status} still says), else what
     * {@code payment_status} means.
     */
    public static Optional<PaymentStatus> paymentStatus(String legacyPaymentStatus, String legacyOrderStatus) {
        if (legacyOrderStatus != null && normalized(legacyOrderStatus).equals(REFUNDED)) {
            return Optional.of(PaymentStatus.REFUNDED);
        }
        return PAYMENT_STATUS.map(legacyPaymentStatus);
    }

    /** The legacy words that map to something, in their clean form, with what they map to. */
    public Map<String, E> mapped() {
        return byLegacy;
    }

    /**
     * The mapping as SQL: a call of the database's own function (e.g. {@code inboop_lead_status(leads.status)}),
     * NULL where a value has no equivalent.
     *
     * @param legacy the legacy column, then for {@link #PAYMENT_STATUS} the order's legacy fulfilment status
     */
    @SafeVarargs
    public final Field<E> sql(Field<String>... legacy) {
        return DSL.function(function, type, legacy);
    }

    /** The SQL function's name, as migrations V041 to V043 create it. */
    public String sqlFunction() {
        return function;
    }

    /**
     * A legacy value as the mapping reads it: without surrounding blanks (space, tab, carriage return, line feed) and
     * with ASCII letters upper-cased; nothing else changes (so {@code 'ß'} stays as it is, in Java and in SQL alike).
     */
    public static String normalized(String legacy) {
        int start = 0;
        int end = legacy.length();
        while (start < end && isBlank(legacy.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(legacy.charAt(end - 1))) {
            end--;
        }
        StringBuilder clean = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = legacy.charAt(i);
            clean.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return clean.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    @Override
    public String toString() {
        return function + " (" + type.getType().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}

package com.inboop.db.legacy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.filter.Literals;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * How the values the backend writes into a legacy {@code varchar} column map to one of the design's Postgres ENUMs
 * (the reasoning per value: {@code docs/typed-status-columns.md}). A legacy value absent from the mapping, listed
 * or not (a typo, a value from an old release), has no equivalent: it is never guessed, and the typed column stays
 * NULL for it while the legacy column keeps it.
 *
 * <p>Each design value also maps to itself, so writing a design value into both columns keeps them consistent.
 *
 * @param <E> the generated enum
 */
public final class LegacyMapping<E extends Enum<E> & EnumType> {

    /** leads.status: the deprecated open stages count as NEW; SPAM was never an opportunity, so it is CLOSED. */
    public static final LegacyMapping<LeadStatus> LEAD_STATUS = of(LeadStatus.class, Map.of(
            "CONTACTED", LeadStatus.NEW,
            "QUALIFIED", LeadStatus.NEW,
            "NEGOTIATING", LeadStatus.NEW,
            "SPAM", LeadStatus.CLOSED));

    /**
     * orders.status: PENDING is the old name of NEW, PROCESSING a stage of CONFIRMED. REFUNDED is a payment state
     * stored as fulfilment: it has no fulfilment equivalent, so it stays unmapped (and such an order never counts as
     * fulfilled).
     */
    public static final LegacyMapping<OrderStatus> ORDER_STATUS = of(OrderStatus.class, Map.of(
            "PENDING", OrderStatus.NEW,
            "PROCESSING", OrderStatus.CONFIRMED));

    /** orders.payment_status: the same three values; NULL (rows older than the column) stays unknown. */
    public static final LegacyMapping<PaymentStatus> PAYMENT_STATUS = of(PaymentStatus.class, Map.of());

    /** conversations.intent_label: the same five values. */
    public static final LegacyMapping<IntentLabel> INTENT_LABEL = of(IntentLabel.class, Map.of());

    private final Class<E> type;
    private final Map<String, E> byLegacy;
    private final Map<E, Set<String>> legacyOf;

    private LegacyMapping(Class<E> type, Map<String, E> byLegacy) {
        this.type = type;
        this.byLegacy = Collections.unmodifiableMap(new LinkedHashMap<>(byLegacy));
        Map<E, Set<String>> inverse = new EnumMap<>(type);
        byLegacy.forEach((legacy, value) -> inverse.computeIfAbsent(value, v -> new TreeSet<>()).add(legacy));
        inverse.replaceAll((value, legacies) -> Collections.unmodifiableSet(legacies));
        this.legacyOf = Collections.unmodifiableMap(inverse);
    }

    /** Every design value maps to itself, plus {@code legacyOnly}. */
    private static <E extends Enum<E> & EnumType> LegacyMapping<E> of(Class<E> type, Map<String, E> legacyOnly) {
        Map<String, E> all = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            all.put(value.getLiteral(), value);
        }
        all.putAll(legacyOnly);
        return new LegacyMapping<>(type, all);
    }

    /** The generated enum this mapping produces. */
    public Class<E> type() {
        return type;
    }

    /** The design value of a legacy value; empty for NULL and for a value without equivalent. */
    public Optional<E> map(String legacy) {
        return Optional.ofNullable(legacy == null ? null : byLegacy.get(legacy));
    }

    /** Every legacy value that maps to something, with what it maps to. */
    public Map<String, E> mapped() {
        return byLegacy;
    }

    /** The legacy values that mean any of {@code values}. */
    public Set<String> legacyValuesOf(Collection<E> values) {
        Set<String> legacy = new TreeSet<>();
        values.forEach(value -> legacy.addAll(legacyOf.getOrDefault(value, Set.of())));
        return legacy;
    }

    /** The design value a row holds: its typed column if set, else its legacy column's mapping; null if neither. */
    public E effective(E typed, String legacy) {
        return typed != null ? typed : map(legacy).orElse(null);
    }

    /**
     * Rows whose value is one of {@code values}: the typed column says so, or, where it is still NULL (rows the
     * backend wrote, not backfilled yet), the legacy column holds a value that maps to one of them.
     */
    public Condition isIn(Field<E> typed, Field<String> legacy, Collection<E> values) {
        Set<String> legacyValues = legacyValuesOf(values);
        Condition byTyped = Literals.in(typed, values);
        return legacyValues.isEmpty() ? byTyped
                : byTyped.or(typed.isNull().and(Literals.in(legacy, legacyValues)));
    }

    /**
     * The SQL expression of the mapping, {@code CASE legacy WHEN 'X' THEN 'Y' ... END}, NULL where none applies;
     * {@code typed} gives the expression its type.
     */
    public Field<E> caseOf(Field<String> legacy, Field<E> typed) {
        CaseValueStep<String> choose = DSL.choose(legacy);
        CaseWhenStep<String, E> when = null;
        for (Map.Entry<String, E> entry : byLegacy.entrySet()) {
            Field<E> value = DSL.inline(entry.getValue(), typed.getDataType());
            when = when == null ? choose.when(DSL.inline(entry.getKey()), value)
                    : when.when(DSL.inline(entry.getKey()), value);
        }
        Field<E> none = DSL.inline(null, typed.getDataType());
        return when == null ? none : when.else_(none);
    }
}

package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * A typed status column (a Postgres ENUM) from its legacy varchar twin, by {@link LegacyMapping}: rows whose typed
 * column is still NULL and whose legacy value has an equivalent. A legacy value without one is never guessed: the
 * row keeps its typed column NULL and its legacy value, and is counted as unresolved. The legacy column is only read.
 *
 * @param <E> the generated enum
 */
public final class TypedStatusBackfill<E extends Enum<E> & EnumType> extends KeysetBackfill {

    /** The legacy fulfilment status that is really a payment state. */
    private static final String REFUNDED = "REFUNDED";

    private final String name;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<E> typed;
    private final Field<String> legacy;
    private final LegacyMapping<E> mapping;
    private final Field<E> value;
    private final Condition needed;

    private TypedStatusBackfill(String name, Table<?> table, Field<Long> id, Field<E> typed, Field<String> legacy,
                                LegacyMapping<E> mapping) {
        this(name, table, id, typed, legacy, mapping, mapping.caseOf(legacy, typed),
                legacy.in(mapping.mapped().keySet()));
    }

    /**
     * @param value    the typed value of a row, as SQL
     * @param mappable the rows {@code value} gives a value for
     */
    private TypedStatusBackfill(String name, Table<?> table, Field<Long> id, Field<E> typed, Field<String> legacy,
                                LegacyMapping<E> mapping, Field<E> value, Condition mappable) {
        super(table, id, typed.isNull().and(mappable));
        this.name = name;
        this.table = table;
        this.id = id;
        this.typed = typed;
        this.legacy = legacy;
        this.mapping = mapping;
        this.value = value;
        this.needed = typed.isNull().and(mappable);
    }

    /** {@code leads.status_enum} from {@code leads.status}. */
    public static TypedStatusBackfill<LeadStatus> leadStatus() {
        return new TypedStatusBackfill<>("lead-status", LEADS, LEADS.ID, LEADS.STATUS_ENUM, LEADS.STATUS,
                LegacyMapping.LEAD_STATUS);
    }

    /** {@code orders.status_enum} from {@code orders.status}. */
    public static TypedStatusBackfill<OrderStatus> orderStatus() {
        return new TypedStatusBackfill<>("order-status", ORDERS, ORDERS.ID, ORDERS.STATUS_ENUM, ORDERS.STATUS,
                LegacyMapping.ORDER_STATUS);
    }

    /**
     * {@code orders.payment_status_enum} from {@code orders.payment_status}, except that an order whose legacy
     * fulfilment status is REFUNDED (a payment state stored as fulfilment) is REFUNDED whatever its payment column
     * says: the refund came after the payment.
     */
    public static TypedStatusBackfill<PaymentStatus> paymentStatus() {
        LegacyMapping<PaymentStatus> mapping = LegacyMapping.PAYMENT_STATUS;
        Condition refunded = ORDERS.STATUS.eq(REFUNDED);
        Field<PaymentStatus> value = DSL.when(refunded,
                        DSL.inline(PaymentStatus.REFUNDED, ORDERS.PAYMENT_STATUS_ENUM.getDataType()))
                .else_(mapping.caseOf(ORDERS.PAYMENT_STATUS, ORDERS.PAYMENT_STATUS_ENUM));
        return new TypedStatusBackfill<>("payment-status", ORDERS, ORDERS.ID, ORDERS.PAYMENT_STATUS_ENUM,
                ORDERS.PAYMENT_STATUS, mapping, value,
                refunded.or(ORDERS.PAYMENT_STATUS.in(mapping.mapped().keySet())));
    }

    /** {@code conversations.intent_label_enum} from {@code conversations.intent_label}. */
    public static TypedStatusBackfill<IntentLabel> intentLabel() {
        return new TypedStatusBackfill<>("intent-label", CONVERSATIONS, CONVERSATIONS.ID,
                CONVERSATIONS.INTENT_LABEL_ENUM, CONVERSATIONS.INTENT_LABEL, LegacyMapping.INTENT_LABEL);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(table).set(typed, value).where(id.in(ids).and(needed)).execute();
    }

    /** Rows with a legacy value but no equivalent: left as they are. (NULL legacy values are simply unknown.) */
    @Override
    public long unresolved(DSLContext dsl) {
        return dsl.fetchCount(table, unmapped());
    }

    /** Each legacy value without an equivalent, with how many rows hold it, most frequent first. */
    @Override
    public Map<String, Long> unresolvedByValue(DSLContext dsl) {
        Map<String, Long> byValue = new LinkedHashMap<>();
        dsl.select(legacy, DSL.count()).from(table).where(unmapped()).groupBy(legacy)
                .orderBy(DSL.count().desc(), legacy)
                .forEach(r -> byValue.put(r.value1(), (long) r.value2()));
        return byValue;
    }

    private Condition unmapped() {
        return typed.isNull().and(legacy.isNotNull()).and(legacy.notIn(mapping.mapped().keySet()));
    }
}

package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;

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

    private final String name;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<E> typed;
    private final Field<String> legacy;
    private final LegacyMapping<E> mapping;
    private final Condition needed;

    private TypedStatusBackfill(String name, Table<?> table, Field<Long> id, Field<E> typed, Field<String> legacy,
                                LegacyMapping<E> mapping) {
        this(name, table, id, typed, legacy, mapping, typed.isNull().and(legacy.in(mapping.mapped().keySet())));
    }

    private TypedStatusBackfill(String name, Table<?> table, Field<Long> id, Field<E> typed, Field<String> legacy,
                                LegacyMapping<E> mapping, Condition needed) {
        super(table, id, needed);
        this.name = name;
        this.table = table;
        this.id = id;
        this.typed = typed;
        this.legacy = legacy;
        this.mapping = mapping;
        this.needed = needed;
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

    /** {@code orders.payment_status_enum} from {@code orders.payment_status}. */
    public static TypedStatusBackfill<PaymentStatus> paymentStatus() {
        return new TypedStatusBackfill<>("payment-status", ORDERS, ORDERS.ID, ORDERS.PAYMENT_STATUS_ENUM,
                ORDERS.PAYMENT_STATUS, LegacyMapping.PAYMENT_STATUS);
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
        return tx.update(table).set(typed, mapping.caseOf(legacy, typed)).where(id.in(ids).and(needed)).execute();
    }

    /** Rows with a legacy value but no equivalent: left as they are. (NULL legacy values are simply unknown.) */
    @Override
    public long unresolved(DSLContext dsl) {
        return dsl.fetchCount(table, typed.isNull().and(legacy.isNotNull())
                .and(legacy.notIn(mapping.mapped().keySet())));
    }
}

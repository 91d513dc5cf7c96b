package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.legacy.LegacyMapping;

/**
 * A typed column brought to what its legacy twin says, wherever the two disagree: NULL because nobody wrote the row
 * since the sync triggers (V041 to V043) exist (<em>filled</em>), or a value that contradicts the legacy one,
 * written before they existed (<em>repaired</em>, from the legacy value: the backend wrote last, since inboop-db
 * always writes both). A repair to NULL is a legacy value without equivalent. The legacy column is never written:
 * the triggers see a typed value that agrees with it and leave it as it is.
 *
 * <p>The rows a job cannot resolve are those whose legacy value has no equivalent; they are counted by that value
 * (NULL included) from the legacy column alone, so a dry run reports them as a real run does.
 *
 * @param <T> the typed column's type
 */
public final class TypedColumnSync<T> extends KeysetBackfill {

    private final String name;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<T> typed;
    private final Field<T> meant;
    private final Field<String> reportedBy;
    private final Condition needed;

    /**
     * @param typed      the typed column
     * @param meant      what the legacy column(s) mean, as SQL (the migrations' mapping function)
     * @param reportedBy the legacy value unresolved rows are counted by; null if every legacy value has a meaning
     */
    private TypedColumnSync(String name, Table<?> table, Field<Long> id, Field<T> typed, Field<T> meant,
                            Field<String> reportedBy) {
        this(name, table, id, typed, meant, reportedBy, typed.isDistinctFrom(meant));
    }

    private TypedColumnSync(String name, Table<?> table, Field<Long> id, Field<T> typed, Field<T> meant,
                            Field<String> reportedBy, Condition needed) {
        super(table, id, needed);
        this.name = name;
        this.table = table;
        this.id = id;
        this.typed = typed;
        this.meant = meant;
        this.reportedBy = reportedBy;
        this.needed = needed;
    }

    /** {@code leads.status_enum} from {@code leads.status}. */
    public static TypedColumnSync<?> leadStatus() {
        return new TypedColumnSync<>("lead-status", LEADS, LEADS.ID, LEADS.STATUS_ENUM,
                LegacyMapping.LEAD_STATUS.sql(LEADS.STATUS), LEADS.STATUS);
    }

    /** {@code orders.status_enum} from {@code orders.status}. */
    public static TypedColumnSync<?> orderStatus() {
        return new TypedColumnSync<>("order-status", ORDERS, ORDERS.ID, ORDERS.STATUS_ENUM,
                LegacyMapping.ORDER_STATUS.sql(ORDERS.STATUS), ORDERS.STATUS);
    }

    /**
     * {@code orders.payment_status_enum} from {@code orders.payment_status}, and REFUNDED for an order whose legacy
     * fulfilment status is REFUNDED ({@link LegacyMapping#paymentStatus(String, String)}).
     */
    public static TypedColumnSync<?> paymentStatus() {
        return new TypedColumnSync<>("payment-status", ORDERS, ORDERS.ID, ORDERS.PAYMENT_STATUS_ENUM,
                LegacyMapping.PAYMENT_STATUS.sql(ORDERS.PAYMENT_STATUS, ORDERS.STATUS), ORDERS.PAYMENT_STATUS);
    }

    /** {@code conversations.intent_label_enum} from {@code conversations.intent_label}. */
    public static TypedColumnSync<?> intentLabel() {
        return new TypedColumnSync<>("intent-label", CONVERSATIONS, CONVERSATIONS.ID,
                CONVERSATIONS.INTENT_LABEL_ENUM, LegacyMapping.INTENT_LABEL.sql(CONVERSATIONS.INTENT_LABEL),
                CONVERSATIONS.INTENT_LABEL);
    }

    /** {@code leads.assigned_to_user_id}, the design's assignee column, from the backend's {@code leads.assigned_to}. */
    public static TypedColumnSync<?> leadAssignee() {
        return new TypedColumnSync<>("lead-assignee", LEADS, LEADS.ID, LEADS.ASSIGNED_TO_USER_ID, LEADS.ASSIGNED_TO,
                null);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * One UPDATE over the batch's disagreeing rows that returns what each held before, so a repair says from what
     * to what ({@code NEW -> CONVERTED}) and a fill says {@code filled}.
     */
    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        Field<Long> beforeId = DSL.field(DSL.name("before", "id"), Long.class);
        Field<T> was = DSL.field(DSL.name("before", "was"), typed.getDataType());
        CommonTableExpression<Record2<Long, T>> before = DSL.name("before").fields("id", "was")
                .as(DSL.select(id, typed).from(table).where(id.in(ids).and(needed)).forUpdate());
        Map<String, Long> changes = new LinkedHashMap<>();
        int changed = 0;
        for (Record2<T, T> row : tx.with(before)
                .update(table).set(typed, meant)
                .from(before)
                .where(id.eq(beforeId))
                .returningResult(was, typed)
                .fetch()) {
            changed++;
            String what = row.value1() == null ? "filled"
                    : text(row.value1()) + " -> " + (row.value2() == null ? "NULL" : text(row.value2()));
            changes.merge(what, 1L, Long::sum);
        }
        return new BatchResult(changed, changes, Map.of());
    }

    /** Rows whose legacy value means nothing the typed column can hold, by that value (NULL included). */
    @Override
    public Map<String, Long> unresolvedElsewhere(DSLContext dsl) {
        Map<String, Long> byValue = new LinkedHashMap<>();
        if (reportedBy == null) {
            return byValue;
        }
        dsl.select(reportedBy, DSL.count()).from(table).where(meant.isNull()).groupBy(reportedBy)
                .orderBy(DSL.count().desc(), reportedBy.asc().nullsFirst())
                .forEach(r -> byValue.put(r.value1(), (long) r.value2()));
        return byValue;
    }

    private static String text(Object value) {
        return value instanceof org.jooq.EnumType e ? e.getLiteral() : String.valueOf(value);
    }
}

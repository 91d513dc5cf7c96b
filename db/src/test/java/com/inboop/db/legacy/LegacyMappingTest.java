package com.inboop.db.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The mapping has two spellings, the SQL functions of migrations V041 to V043 (what the triggers, the lists and the
 * jobs use) and {@link LegacyMapping} in Java (for backend code): they must never drift. Both are asked about every
 * value the fact sheet lists, each in odd case and with blanks around it, every design value, words nobody listed,
 * characters that upper-case differently in other locales, and NULL.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class LegacyMappingTest {

    /** Every legacy value the fact sheet lists, for any of the four columns. */
    private static final List<String> LISTED = List.of("NEW", "CONTACTED", "QUALIFIED", "NEGOTIATING", "CONVERTED",
            "CLOSED", "LOST", "SPAM", "PENDING", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED",
            "REFUNDED", "UNPAID", "PAID", "BUYING", "SUPPORT", "BROWSING", "OTHER");

    /** Words nobody listed, and look-alikes that only other locales' upper-casing would turn into a listed word. */
    private static final List<String> UNLISTED = List.of("ARCHIVED", "ON_HOLD", "PARTIAL", "PURCHASE_INTENT", "",
            " ", "N E W", "NEW!", "NEWS", "proceßing", "clos\u0131ng", "\u0131ost", "L\u00D6ST", "NEW\u00A0",
            "\u00A0NEW", "nEw\u200B");

    private final DSLContext dsl;

    LegacyMappingTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
    }

    /** The listed values, each as written, lower-cased, with blanks around it, and mixed. */
    private static List<String> corpus() {
        List<String> values = new ArrayList<>();
        for (String value : LISTED) {
            values.addAll(List.of(value, value.toLowerCase(java.util.Locale.ROOT), " " + value, value + " ",
                    "\t" + value + "\r\n", " " + value.charAt(0) + value.substring(1).toLowerCase(java.util.Locale.ROOT)
                            + "  "));
        }
        values.addAll(UNLISTED);
        return values;
    }

    @Test
    void theSqlFunctionsAndJavaAgreeOnEveryValue() {
        for (LegacyMapping<?> mapping : List.of(LegacyMapping.LEAD_STATUS, LegacyMapping.ORDER_STATUS,
                LegacyMapping.PAYMENT_STATUS, LegacyMapping.INTENT_LABEL)) {
            List<String> values = new ArrayList<>(corpus());
            values.add(null);
            Map<String, Object> java = new LinkedHashMap<>();
            values.forEach(value -> java.put(value, mapping.map(value).orElse(null)));
            // A payment as of an order whose fulfilment status is NULL: its own column alone.
            assertThat(inSql(mapping, values, null)).as(mapping.toString()).isEqualTo(java);
        }
    }

    @Test
    void thePaymentStatusReadsTheOrdersLegacyFulfilmentStatusToo() {
        List<String> payments = new ArrayList<>(corpus());
        payments.add(null);
        for (String status : List.of("REFUNDED", " refunded", "DELIVERED", "REFUNDED!", "")) {
            Map<String, Object> java = new LinkedHashMap<>();
            payments.forEach(payment -> java.put(payment, LegacyMapping.paymentStatus(payment, status).orElse(null)));
            assertThat(inSql(LegacyMapping.PAYMENT_STATUS, payments, status)).as("order status '%s'", status)
                    .isEqualTo(java);
        }
    }

    @Test
    void caseAndBlanksAreNotMeaningButNothingElseIsGuessed() {
        assertThat(LegacyMapping.ORDER_STATUS.map("DELIVERED ")).hasValue(
                com.inboop.db.schema.enums.OrderStatus.DELIVERED);
        assertThat(LegacyMapping.PAYMENT_STATUS.map(" PAID")).hasValue(PaymentStatus.PAID);
        assertThat(LegacyMapping.LEAD_STATUS.map("new")).hasValue(com.inboop.db.schema.enums.LeadStatus.NEW);
        assertThat(LegacyMapping.LEAD_STATUS.map("ARCHIVED")).isEmpty();
        assertThat(LegacyMapping.ORDER_STATUS.map("proceßing")).as("no locale's upper-casing").isEmpty();
        assertThat(LegacyMapping.LEAD_STATUS.map("NEW\u00A0")).as("only blanks: space, tab, CR, LF").isEmpty();
    }

    /**
     * What the SQL function says of each value, in one query ({@code orderStatus} is the second argument of the
     * payment status's function, unused by the others).
     */
    private <E extends Enum<E> & EnumType> Map<String, Object> inSql(LegacyMapping<E> mapping, List<String> values,
                                                                     String orderStatus) {
        Field<String> value = DSL.field(DSL.name("v", "value"), String.class);
        Field<Integer> position = DSL.field(DSL.name("v", "position"), Integer.class);
        Field<E> meant = (Object) mapping == LegacyMapping.PAYMENT_STATUS
                ? mapping.sql(value, DSL.val(orderStatus, String.class)) : mapping.sql(value);
        Map<String, Object> sql = new LinkedHashMap<>();
        dsl.select(value, meant)
                .from(DSL.table("unnest({0}::text[]) WITH ORDINALITY", DSL.val(values.toArray(String[]::new)))
                        .as("v", "value", "position"))
                .orderBy(position)
                .forEach(r -> sql.put(r.value1(), r.value2()));
        return sql;
    }
}

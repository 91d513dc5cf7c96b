package com.inboop.db.schema;

import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/** The Java enums generated from the Postgres ENUMs, checked against the database and through a real round trip. */
@ExtendWith(MigratedDatabaseExtension.class)
class GeneratedEnumsTest {

    private static Class<? extends EnumType> generated(String postgresType) {
        return switch (postgresType) {
            case "lead_status" -> LeadStatus.class;
            case "order_status" -> OrderStatus.class;
            case "payment_status" -> PaymentStatus.class;
            case "intent_label" -> IntentLabel.class;
            default -> throw new IllegalArgumentException(postgresType);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lead_status    | NEW,CONVERTED,CLOSED,LOST",
            "order_status   | NEW,CONFIRMED,SHIPPED,DELIVERED,CANCELLED",
            "payment_status | UNPAID,PAID,REFUNDED",
            "intent_label   | BUYING,SUPPORT,BROWSING,SPAM,OTHER"})
    void javaEnumHasTheProductsValuesFromDomainMd(String postgresType, String values) {
        assertThat(Arrays.stream(generated(postgresType).getEnumConstants()).map(EnumType::getLiteral))
                .containsExactly(values.split(","));
        assertThat(generated(postgresType).isEnum()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead_status", "order_status", "payment_status", "intent_label"})
    void javaEnumHasTheDatabaseValuesInOrder(String postgresType, TestDatabase database) throws SQLException {
        List<String> databaseValues;
        try (Connection connection = database.connect()) {
            databaseValues = CatalogSnapshot.read(connection, "public").enums().get(postgresType).labels();
        }
        EnumType[] constants = generated(postgresType).getEnumConstants();

        assertThat(Arrays.stream(constants).map(EnumType::getLiteral)).containsExactlyElementsOf(databaseValues);
        assertThat(constants[0].getName()).isEqualTo(postgresType);
    }

    @Test
    void orderStatusRoundTripsThroughInsertAndSelect(TestDatabase database) {
        DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
        long workspace = new Seed(db).workspace("Acme");
        long orderId = new Seed(db).order(workspace, OrderStatus.SHIPPED, PaymentStatus.UNPAID, 1);

        assertThat(db.select(ORDERS.STATUS_ENUM).from(ORDERS).where(ORDERS.ID.eq(orderId)).fetchOne(ORDERS.STATUS_ENUM))
                .isSameAs(OrderStatus.SHIPPED);
        assertThat(db.select(ORDERS.STATUS_ENUM.cast(String.class)).from(ORDERS).where(ORDERS.ID.eq(orderId))
                .fetchOne(0, String.class)).isEqualTo("SHIPPED");
        assertThat(db.fetchCount(ORDERS, ORDERS.STATUS_ENUM.eq(OrderStatus.NEW))).isZero();
        assertThat(db.fetchCount(ORDERS, ORDERS.PAYMENT_STATUS_ENUM.eq(PaymentStatus.UNPAID))).isEqualTo(1);
    }
}

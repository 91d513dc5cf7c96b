package com.inboop.db.schema;

import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.junit.jupiter.params.provider.ValueSource;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
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
        long workspace = db.insertInto(WORKSPACES, WORKSPACES.NAME).values("Acme")
                .returning(WORKSPACES.ID).fetchOne(WORKSPACES.ID);

        Long orderId = db.insertInto(ORDERS, ORDERS.WORKSPACE_ID, ORDERS.STATUS, ORDERS.PAYMENT_STATUS, ORDERS.TOTAL,
                        ORDERS.CURRENCY)
                .values(workspace, OrderStatus.SHIPPED, PaymentStatus.UNPAID, new BigDecimal("12.50"), "EUR")
                .returning(ORDERS.ID).fetchOne(ORDERS.ID);

        assertThat(db.select(ORDERS.STATUS).from(ORDERS).where(ORDERS.ID.eq(orderId)).fetchOne(ORDERS.STATUS))
                .isSameAs(OrderStatus.SHIPPED);
        assertThat(db.select(ORDERS.STATUS.cast(String.class)).from(ORDERS).where(ORDERS.ID.eq(orderId))
                .fetchOne(0, String.class)).isEqualTo("SHIPPED");
        assertThat(db.fetchCount(ORDERS, ORDERS.STATUS.eq(OrderStatus.PENDING))).isZero();
        assertThat(db.fetchCount(ORDERS, ORDERS.PAYMENT_STATUS.eq(PaymentStatus.UNPAID))).isEqualTo(1);
    }
}

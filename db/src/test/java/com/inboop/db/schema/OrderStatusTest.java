package com.inboop.db.schema;

import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.schema.enums.OrderStatus;

/** The generated enum for the Postgres ENUM {@code order_status}, through a real insert and select. */
@ExtendWith(MigratedDatabaseExtension.class)
class OrderStatusTest {

    @Test
    void isAJooqEnumTypeWithThePostgresLiterals() {
        assertThat(EnumType.class).isAssignableFrom(OrderStatus.class);
        assertThat(OrderStatus.SHIPPED.getLiteral()).isEqualTo("SHIPPED");
        assertThat(OrderStatus.SHIPPED.getName()).isEqualTo("order_status");
    }

    @Test
    void roundTripsThroughInsertAndSelect(TestDatabase database) {
        DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
        long workspace = db.insertInto(WORKSPACES, WORKSPACES.NAME).values("Acme")
                .returning(WORKSPACES.ID).fetchOne(WORKSPACES.ID);

        Long orderId = db.insertInto(ORDERS, ORDERS.WORKSPACE_ID, ORDERS.STATUS, ORDERS.TOTAL, ORDERS.CURRENCY)
                .values(workspace, OrderStatus.SHIPPED, new BigDecimal("12.50"), "EUR")
                .returning(ORDERS.ID).fetchOne(ORDERS.ID);

        assertThat(db.select(ORDERS.STATUS).from(ORDERS).where(ORDERS.ID.eq(orderId)).fetchOne(ORDERS.STATUS))
                .isSameAs(OrderStatus.SHIPPED);
        assertThat(db.select(ORDERS.STATUS.cast(String.class)).from(ORDERS).where(ORDERS.ID.eq(orderId))
                .fetchOne(0, String.class)).isEqualTo("SHIPPED");
        assertThat(db.fetchCount(ORDERS, ORDERS.STATUS.eq(OrderStatus.PENDING))).isZero();
    }
}

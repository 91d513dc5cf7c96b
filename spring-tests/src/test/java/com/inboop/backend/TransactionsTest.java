package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.inboop.backend.repository.LeadRepository;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.DatabaseFailureException;
import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.jdbcbackend.JdbcBackendApplication;
import com.inboop.jdbcbackend.JdbcSalesService;

/**
 * A {@code @Transactional} service that writes through the backend's own code and then calls an inboop-db lifecycle
 * commits both or neither, with Spring Boot's JPA transaction manager and with its JDBC one; a lifecycle called
 * outside any transaction commits on its own. One application of each kind, on a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsTest {

    private static final Map<String, String> MIGRATE = Map.of("inboop.db.startup", "migrate");

    private ThrowawayDatabase jpaDatabase;
    private ThrowawayDatabase jdbcDatabase;
    private ConfigurableApplicationContext jpa;
    private ConfigurableApplicationContext jdbcOnly;
    private Shop jpaShop;
    private Shop jdbcShop;

    @BeforeAll
    void startBothBackends() {
        jpaDatabase = Backends.newDatabase();
        jpa = Backends.start(jpaDatabase, MIGRATE);
        jpaShop = Shop.throughJpa(jpa, "Asha");
        jdbcDatabase = Backends.newDatabase();
        jdbcOnly = Backends.start(JdbcBackendApplication.class, jdbcDatabase, MIGRATE);
        jdbcShop = Shop.throughJdbc(jdbcOnly.getBean(JdbcTemplate.class), "Ravi");
    }

    @AfterAll
    void stopThem() {
        try (ThrowawayDatabase a = jpaDatabase; ThrowawayDatabase b = jdbcDatabase;
             ConfigurableApplicationContext c = jpa; ConfigurableApplicationContext d = jdbcOnly) {
            // closed in reverse order: the applications, then their databases
        }
    }

    @Test
    void theBackendsAreWhatTheyClaimToBe() {
        assertThat(jpa.getBean(PlatformTransactionManager.class)).isInstanceOf(JpaTransactionManager.class);
        assertThat(jdbcOnly.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
    }

    @Test
    void withJpaAJpaSaveAndAnOrderCommitTogether() {
        long order = jpa.getBean(SalesService.class).leadAndOrder(jpaShop.workspace(), jpaShop.business(),
                jpaShop.conversation(), jpaShop.user(), "JPA-COMMIT", false);

        DSLContext dsl = jpa.getBean(DSLContext.class);
        assertThat(dsl.fetchValue("SELECT o.id FROM orders o JOIN leads l ON l.id = o.lead_id "
                + "WHERE o.order_number = 'JPA-COMMIT' AND l.status = 'CONVERTED'")).isEqualTo(order);
    }

    @Test
    void withJpaAFailureAfterTheOrderRollsBackTheJpaSaveTheOrderAndTheCount() {
        DSLContext dsl = jpa.getBean(DSLContext.class);
        long leadsBefore = jpa.getBean(LeadRepository.class).count();
        Object countBefore = orderCount(dsl, jpaShop);

        assertThatThrownBy(() -> jpa.getBean(SalesService.class).leadAndOrder(jpaShop.workspace(),
                jpaShop.business(), jpaShop.conversation(), jpaShop.user(), "JPA-ROLLBACK", true))
                .hasMessage("the payment provider said no");

        assertThat(jpa.getBean(LeadRepository.class).count()).isEqualTo(leadsBefore);
        assertThat(dsl.fetchCount(dsl.selectFrom("orders").where("order_number = 'JPA-ROLLBACK'"))).isZero();
        assertThat(orderCount(dsl, jpaShop)).isEqualTo(countBefore);
    }

    @Test
    void withJdbcOnlyAJdbcInsertAndAnOrderCommitTogetherOrRollBackTogether() {
        JdbcSalesService sales = jdbcOnly.getBean(JdbcSalesService.class);
        DSLContext dsl = jdbcOnly.getBean(DSLContext.class);
        int leadsBefore = dsl.fetchCount(dsl.selectFrom("leads"));

        assertThatThrownBy(() -> sales.leadAndOrder(jdbcShop.workspace(), jdbcShop.business(),
                jdbcShop.conversation(), jdbcShop.user(), "JDBC-ROLLBACK", true))
                .hasMessage("the payment provider said no");
        assertThat(dsl.fetchCount(dsl.selectFrom("leads"))).isEqualTo(leadsBefore);
        assertThat(dsl.fetchCount(dsl.selectFrom("orders"))).isZero();

        long order = sales.leadAndOrder(jdbcShop.workspace(), jdbcShop.business(), jdbcShop.conversation(),
                jdbcShop.user(), "JDBC-COMMIT", false);
        assertThat(dsl.fetchCount(dsl.selectFrom("leads"))).isEqualTo(leadsBefore + 1);
        assertThat(dsl.fetchValue("SELECT id FROM orders WHERE order_number = 'JDBC-COMMIT'")).isEqualTo(order);
    }

    @Test
    void outsideAnyTransactionALifecycleCommitsOnItsOwnAndAFailureLeavesNothing() {
        OrderLifecycle orders = jpa.getBean(OrderLifecycle.class);
        DSLContext dsl = jpa.getBean(DSLContext.class);

        long order = orders.create(jpaShop.workspace(), new NewOrder(jpaShop.conversation(), "ALONE", null, "COD",
                new BigDecimal("10.00"), jpaShop.user())).orderId();
        assertThat(dsl.fetchValue("SELECT count(*) FROM order_timeline WHERE order_id = " + order)).isEqualTo(1L);

        Object countBefore = orderCount(dsl, jpaShop);
        assertThatThrownBy(() -> orders.create(jpaShop.workspace(), new NewOrder(jpaShop.conversation(), "ALONE",
                null, "COD", new BigDecimal("10.00"), jpaShop.user()))).hasMessageContaining("'ALONE' is taken");
        assertThat(orderCount(dsl, jpaShop)).isEqualTo(countBefore);
    }

    /**
     * Boot's jOOQ starter translates failures into Spring's exceptions; inboop-db's entry points still report the
     * database's failures as their one type, with the SQLSTATE, inside a Spring transaction too.
     */
    @Test
    void underBootADatabaseFailureIsInboopDbsOwnExceptionWithItsSqlState() throws Exception {
        OrderLifecycle orders = jpa.getBean(OrderLifecycle.class);
        DSLContext dsl = jpa.getBean(DSLContext.class);
        long order = orders.create(jpaShop.workspace(), new NewOrder(jpaShop.conversation(), "LOCKED", null, "COD",
                null, jpaShop.user())).orderId();
        TransactionTemplate transaction = new TransactionTemplate(jpa.getBean(PlatformTransactionManager.class));

        try (Connection holder = jpaDatabase.target().dataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM orders WHERE id = " + order + " FOR UPDATE");
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                dsl.execute("SET LOCAL lock_timeout = '100ms'");
                orders.changeStatus(jpaShop.workspace(), order, OrderStatus.NEW, OrderStatus.CONFIRMED,
                        jpaShop.user());
            })).isInstanceOfSatisfying(DatabaseFailureException.class, e -> {
                assertThat(e.sqlState()).isEqualTo("55P03");
                assertThat(e.retrySafe()).isTrue();
            });
            holder.rollback();
        }
        assertThat(dsl.fetchValue("SELECT status FROM orders WHERE id = " + order)).isEqualTo("NEW");
    }

    private static Object orderCount(DSLContext dsl, Shop shop) {
        return dsl.fetchValue("SELECT order_count FROM conversations WHERE id = " + shop.conversation());
    }
}

package com.inboop.jdbcbackend;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderLifecycle;

/** {@code SalesService} of a backend without JPA: its own write through a JdbcTemplate, then an inboop-db lifecycle. */
@Service
public class JdbcSalesService {

    private final JdbcTemplate jdbc;
    private final OrderLifecycle orders;

    public JdbcSalesService(JdbcTemplate jdbc, OrderLifecycle orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /**
     * A lead inserted with plain JDBC, then an order for it through inboop-db; {@code failAfter} throws at the end.
     *
     * @return the order's id
     */
    @Transactional
    public long leadAndOrder(long workspaceId, long businessId, long conversationId, long userId, String orderNumber,
                             boolean failAfter) {
        Long lead = jdbc.queryForObject("""
                INSERT INTO leads (business_id, conversation_id, instagram_user_id, channel, status, type, created_at)
                VALUES (?, ?, ?, 'INSTAGRAM', 'NEW', 'OTHER', now()) RETURNING id""",
                Long.class, businessId, conversationId, "igsid-" + orderNumber);
        long order = orders.create(workspaceId, new NewOrder(conversationId, orderNumber, lead, "COD",
                new BigDecimal("100.00"), userId)).orderId();
        if (failAfter) {
            throw new IllegalStateException("the payment provider said no");
        }
        return order;
    }
}

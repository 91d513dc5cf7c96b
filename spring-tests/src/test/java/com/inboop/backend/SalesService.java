package com.inboop.backend;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.inboop.backend.entity.Lead;
import com.inboop.backend.entity.LeadStatus;
import com.inboop.backend.repository.LeadRepository;
import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderLifecycle;

/**
 * A backend service mixing its own JPA writes with inboop-db's lifecycles in one {@code @Transactional} method, as a
 * backend adopting inboop-db does during the switch-over.
 */
@Service
public class SalesService {

    private final LeadRepository leads;
    private final OrderLifecycle orders;

    public SalesService(LeadRepository leads, OrderLifecycle orders) {
        this.leads = leads;
        this.orders = orders;
    }

    /**
     * A lead saved through JPA, then an order for it through inboop-db (which converts the lead); {@code failAfter}
     * throws at the end, so that the whole method must roll back.
     *
     * @return the order's id
     */
    // README example: start
    @Transactional
    public long leadAndOrder(long workspaceId, long businessId, long conversationId, long userId, String orderNumber,
                             boolean failAfter) {
        Lead lead = new Lead();
        lead.businessId = businessId;
        lead.conversationId = conversationId;
        lead.instagramUserId = "igsid-" + orderNumber;
        lead.status = LeadStatus.NEW;
        lead.createdAt = LocalDateTime.now();
        leads.saveAndFlush(lead);
        long order = orders.create(workspaceId, new NewOrder(conversationId, orderNumber, lead.id, "COD",
                new BigDecimal("100.00"), userId)).orderId();
        if (failAfter) {
            throw new IllegalStateException("the payment provider said no");
        }
        return order;
    }
    // README example: end
}

package com.inboop.db.order;

import java.util.Optional;

/**
 * What {@link OrderLifecycle#create} did.
 *
 * @param orderId         the new order, NEW and UNPAID
 * @param convertedLeadId the lead this creation converted (NEW → CONVERTED); empty if the order named no lead, or
 *                        one that was CONVERTED already
 */
public record OrderCreated(long orderId, Optional<Long> convertedLeadId) {

    public OrderCreated {
        convertedLeadId = convertedLeadId == null ? Optional.empty() : convertedLeadId;
    }
}

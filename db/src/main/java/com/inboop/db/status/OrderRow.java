package com.inboop.db.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * An order as lists show it. Nullable fields are null when not set.
 *
 * @param id               the order
 * @param conversationId   where it came from, if from a conversation
 * @param status           fulfilment status
 * @param paymentStatus    payment status, independent of {@code status}; null until known
 * @param paymentMethod    e.g. CASH_ON_DELIVERY
 * @param total            amount
 * @param currency         ISO 4217 code
 * @param assignedToUserId its agent; null when unassigned
 * @param createdAt        when it was created: the list's sort key
 */
public record OrderRow(long id, Long conversationId, OrderStatus status, PaymentStatus paymentStatus,
                       String paymentMethod, BigDecimal total, String currency, Long assignedToUserId,
                       OffsetDateTime createdAt) {
}

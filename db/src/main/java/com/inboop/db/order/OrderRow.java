package com.inboop.db.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * An order as lists show it. Nullable fields are null when not set. Statuses are in the design's terms (the typed
 * column, else the legacy one mapped), null for a legacy value without equivalent; the legacy value is kept beside.
 *
 * @param id               the order
 * @param businessId       the business (the connected account) it belongs to, for a workspace of several
 * @param orderNumber      its number, as the business shows it
 * @param conversationId   where it came from, if from a conversation
 * @param channel          where the customer ordered (as stored; null on old rows)
 * @param customerName     the customer's name (the order's denormalized copy)
 * @param customerHandle   the customer's handle on the channel
 * @param status           fulfilment status
 * @param legacyStatus     orders.status exactly as stored (the backend's column)
 * @param paymentStatus    payment status, independent of {@code status}; null until known
 * @param paymentMethod    e.g. ONLINE, COD, as stored
 * @param totalAmount      amount
 * @param currency         currency code, as stored
 * @param trackingNumber   the carrier's tracking number, once shipped
 * @param assignedToUserId its agent; null when unassigned
 * @param deliveredAt      when it was delivered (UTC); null until then
 * @param createdAt        when it was created (UTC; else its order date): the list's sort key
 */
public record OrderRow(long id, long businessId, String orderNumber, Long conversationId, String channel,
                       String customerName, String customerHandle, OrderStatus status, String legacyStatus, PaymentStatus paymentStatus,
                       String paymentMethod, BigDecimal totalAmount, String currency, String trackingNumber,
                       Long assignedToUserId, LocalDateTime deliveredAt, LocalDateTime createdAt) {
}

package com.inboop.db.order;

import java.math.BigDecimal;
import java.util.Set;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;

/**
 * An order to create in a conversation (domain: Order). It starts NEW and UNPAID; validated on construction.
 *
 * @param conversationId  the conversation it belongs to (locked after creation)
 * @param orderNumber     the business's number for it, unique (1 to 255 characters, no NUL)
 * @param leadId          the lead it converts, or null; a NEW lead becomes CONVERTED
 * @param paymentMethod   ONLINE (the default when null) or COD
 * @param totalAmount     the amount, 0 to 99999999.99 with at most two decimals (numeric(10,2)), or null
 * @param createdByUserId the user creating it, recorded on the order's timeline
 */
public record NewOrder(long conversationId, String orderNumber, Long leadId, String paymentMethod,
                       BigDecimal totalAmount, long createdByUserId) {

    /** The methods an order may be created with; legacy rows also hold MANUAL and BANK_TRANSFER. */
    public static final Set<String> PAYMENT_METHODS = Set.of("ONLINE", "COD");

    public NewOrder {
        Ids.require("conversationId", conversationId);
        Ids.require("createdByUserId", createdByUserId);
        if (orderNumber == null || orderNumber.isBlank() || orderNumber.length() > 255) {
            throw new InvalidRequestException("orderNumber", "must have 1 to 255 characters, was "
                    + (orderNumber == null ? "null" : orderNumber.length() + " characters"));
        }
        if (leadId != null) {
            Ids.require("leadId", leadId);
        }
        paymentMethod = paymentMethod == null ? "ONLINE" : paymentMethod;
        if (!PAYMENT_METHODS.contains(paymentMethod)) {
            throw new InvalidRequestException("paymentMethod", "must be ONLINE or COD, was " + paymentMethod);
        }
        Arguments.storableText("orderNumber", orderNumber);
        Arguments.money("totalAmount", totalAmount);
    }
}

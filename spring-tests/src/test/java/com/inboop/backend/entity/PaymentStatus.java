package com.inboop.backend.entity;

/** The backend's payment statuses, stored by name in orders.payment_status. */
public enum PaymentStatus {
    UNPAID, PAID, REFUNDED
}

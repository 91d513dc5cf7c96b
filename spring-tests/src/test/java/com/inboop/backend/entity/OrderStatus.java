package com.inboop.backend.entity;

/** The backend's order statuses, the deprecated ones included, stored by name in orders.status. */
public enum OrderStatus {
    NEW, PENDING, CONFIRMED, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED
}

package com.inboop.backend.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * orders, every column; customer_address, notes, currency and the statuses as plain Strings and enums, which Hibernate
 * declares varchar(255).
 */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String orderNumber;
    @Column(nullable = false)
    public Long businessId;
    public Long leadId;
    public String customerName;
    public String customerPhone;
    public String customerAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status = OrderStatus.PENDING;
    @Column(precision = 10, scale = 2)
    public BigDecimal totalAmount;
    public String notes;
    public String trackingNumber;
    @Column(nullable = false)
    public LocalDateTime orderDate;
    public LocalDateTime shippedAt;
    public LocalDateTime deliveredAt;
    @Enumerated(EnumType.STRING)
    public PaymentStatus paymentStatus = PaymentStatus.UNPAID;
    public String paymentMethod;
    public LocalDateTime paidAt;
    public Long conversationId;
    public Long contactId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String currency = "INR";
    public String externalOrderId;
    public Long assignedToUserId;
    public LocalDateTime cancelledAt;
    public String customerHandle;
    public String carrier;
    @Column(length = 500)
    public String trackingUrl;
    public String shippingAddressLine1;
    public String shippingAddressLine2;
    @Column(length = 100)
    public String shippingCity;
    @Column(length = 100)
    public String shippingState;
    @Column(length = 20)
    public String shippingPostalCode;
    @Column(length = 100)
    public String shippingCountry;
    @Column(unique = true)
    public String idempotencyKey;
    public Boolean isConvertingOrder;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime archivedAt;
    public LocalDateTime deletedAt;
}

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
 * leads, every column the backend maps (its assignee is assigned_to); notes, status and the other short strings as
 * plain Strings and enums, which Hibernate declares varchar(255).
 */
@Entity
@Table(name = "leads")
public class Lead {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Long businessId;
    public Long conversationId;
    @Column(nullable = false)
    public String instagramUserId;
    public String instagramUsername;
    public String customerName;
    @Column(length = 500)
    public String profilePicture;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel = Channel.INSTAGRAM;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status = LeadStatus.NEW;
    @Column(nullable = false)
    public String type = "OTHER";
    public Long assignedTo;
    @Column(length = 10)
    public String detectedLanguage;
    @Column(precision = 10, scale = 2)
    public BigDecimal value;
    public String notes;
    @Column(length = 500)
    public String lastMessageSnippet;
    public LocalDateTime lastMessageAt;
    public String source;
    public Long createdBy;
    public Long contactId;
    public LocalDateTime convertedAt;
    public Long convertedOrderId;
    public String convertedOrderNumber;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime archivedAt;
    public LocalDateTime deletedAt;
}

package com.inboop.backend.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** conversations, every column; last_message mapped as a plain String (Hibernate's varchar(255)). */
@Entity
@Table(name = "conversations")
public class Conversation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "business_id", nullable = false)
    public Business business;
    public String instagramConversationId;
    public String instagramScopedUserId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel = Channel.INSTAGRAM;
    public String customerHandle;
    public String customerName;
    @Column(length = 500)
    public String profilePicture;
    public String lastMessage;
    public Integer unreadCount = 0;
    public Boolean isActive = true;
    public LocalDateTime startedAt;
    public LocalDateTime lastMessageAt;
    public Long contactId;
    public Long assignedToUserId;
    @Enumerated(EnumType.STRING)
    public IntentLabel intentLabel;
    @Column(precision = 5, scale = 4)
    public BigDecimal intentConfidence;
    public LocalDateTime intentEvaluatedAt;
    public LocalDateTime firstMessageAt;
    public Integer leadCount = 0;
    public Integer orderCount = 0;
    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime archivedAt;
    public LocalDateTime deletedAt;
}

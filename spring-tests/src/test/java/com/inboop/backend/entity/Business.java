package com.inboop.backend.entity;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * businesses, every column but the three no entity of the backend maps (instagram_business_id,
 * instagram_page_id, workspace_id): the backend scopes a business by its owner.
 */
@Entity
@Table(name = "businesses")
public class Business {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    public String instagramUsername;
    @Column(length = 1000)
    public String accessToken;
    public LocalDateTime tokenExpiresAt;
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    public User owner;
    public Boolean webhookVerified = false;
    public Boolean isActive = true;
    @Column(length = 2000)
    public String availablePageIds;
    public String selectedPageId;
    public String lastIgAccountIdSeen;
    public LocalDateTime connectionRetryAt;
    public String lastConnectionError;
    public LocalDateTime lastStatusCheckAt;
    public String facebookPageId;
    public String facebookUserId;
    @Column(unique = true)
    public String instagramBusinessAccountId;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime archivedAt;
    public LocalDateTime deletedAt;
}

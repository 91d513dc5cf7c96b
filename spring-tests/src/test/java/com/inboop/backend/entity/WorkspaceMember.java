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
import jakarta.persistence.UniqueConstraint;

/** workspace_members, every column, with the unique pair the backend declares on the entity. */
@Entity
@Table(name = "workspace_members", uniqueConstraints = @UniqueConstraint(columnNames = {"workspace_id", "user_id"}))
public class WorkspaceMember {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    public Workspace workspace;
    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;
    @Column(nullable = false)
    public String role = "MEMBER";
    @ManyToOne
    @JoinColumn(name = "invited_by_id")
    public User invitedBy;
    public LocalDateTime invitedAt;
    public LocalDateTime joinedAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

package com.inboop.backend.entity;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** users, every column. */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String email;
    @Column(nullable = false)
    public String password;
    @Column(nullable = false)
    public String role = "USER";
    public String oauthProvider;
    public String oauthId;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime archivedAt;
    public LocalDateTime deletedAt;
}

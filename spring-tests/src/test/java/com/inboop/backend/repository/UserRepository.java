package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.User;

/** Users as the backend reads and writes them. */
public interface UserRepository extends JpaRepository<User, Long> {
}

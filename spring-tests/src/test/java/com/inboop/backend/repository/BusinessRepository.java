package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.Business;

/** Businesss as the backend reads and writes them. */
public interface BusinessRepository extends JpaRepository<Business, Long> {
}

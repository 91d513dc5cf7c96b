package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.Lead;

/** Leads as the backend reads and writes them. */
public interface LeadRepository extends JpaRepository<Lead, Long> {
}

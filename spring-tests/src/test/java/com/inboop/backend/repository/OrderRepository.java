package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.Order;

/** Orders as the backend reads and writes them. */
public interface OrderRepository extends JpaRepository<Order, Long> {
}

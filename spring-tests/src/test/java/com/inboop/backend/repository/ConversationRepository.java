package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.Conversation;

/** Conversations as the backend reads and writes them. */
public interface ConversationRepository extends JpaRepository<Conversation, Long> {
}

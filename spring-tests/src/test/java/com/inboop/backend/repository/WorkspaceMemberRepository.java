package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.WorkspaceMember;

/** WorkspaceMembers as the backend reads and writes them. */
public interface WorkspaceMemberRepository extends JpaRepository<WorkspaceMember, Long> {
}

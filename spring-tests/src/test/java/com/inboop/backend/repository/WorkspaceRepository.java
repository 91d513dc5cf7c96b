package com.inboop.backend.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import com.inboop.backend.entity.Workspace;

/** Workspaces as the backend reads and writes them. */
public interface WorkspaceRepository extends JpaRepository<Workspace, Long> {
}

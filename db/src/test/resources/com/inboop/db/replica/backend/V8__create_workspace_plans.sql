CREATE TABLE IF NOT EXISTS workspace_plans (
    id BIGSERIAL PRIMARY KEY,
    workspace_id BIGINT NOT NULL UNIQUE REFERENCES workspaces(id) ON DELETE CASCADE,
    plan VARCHAR(50) NOT NULL DEFAULT 'FREE',
    plan_status VARCHAR(50) NOT NULL DEFAULT 'ACTIVE',
    started_at TIMESTAMP NOT NULL DEFAULT NOW(),
    expires_at TIMESTAMP,
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS idx_workspace_plans_workspace_id ON workspace_plans(workspace_id);
CREATE INDEX IF NOT EXISTS idx_workspace_plans_expires_at ON workspace_plans(expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS data_deletion_requests (
    id BIGSERIAL PRIMARY KEY,
    confirmation_code VARCHAR(36) NOT NULL UNIQUE,
    facebook_user_id VARCHAR(255) NOT NULL,
    instagram_business_id VARCHAR(255),
    request_type VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'PENDING',
    requested_at TIMESTAMP NOT NULL DEFAULT NOW(),
    completed_at TIMESTAMP,
    records_deleted INTEGER DEFAULT 0,
    error_message TEXT,
    raw_payload TEXT,
    request_ip VARCHAR(50)
);
CREATE INDEX IF NOT EXISTS idx_deletion_confirmation_code ON data_deletion_requests(confirmation_code);
CREATE INDEX IF NOT EXISTS idx_deletion_facebook_user_id ON data_deletion_requests(facebook_user_id);
CREATE INDEX IF NOT EXISTS idx_deletion_instagram_business_id ON data_deletion_requests(instagram_business_id);
CREATE INDEX IF NOT EXISTS idx_deletion_status ON data_deletion_requests(status);

CREATE TABLE IF NOT EXISTS leads (
    id BIGSERIAL PRIMARY KEY,
    business_id BIGINT NOT NULL REFERENCES businesses(id),
    conversation_id BIGINT REFERENCES conversations(id),
    instagram_user_id VARCHAR(255) NOT NULL,
    instagram_username VARCHAR(255),
    customer_name VARCHAR(255),
    profile_picture VARCHAR(500),
    channel VARCHAR(50) NOT NULL DEFAULT 'INSTAGRAM',
    status VARCHAR(50) NOT NULL DEFAULT 'NEW',
    type VARCHAR(50) NOT NULL DEFAULT 'OTHER',
    assigned_to BIGINT REFERENCES users(id),
    detected_language VARCHAR(10),
    value NUMERIC(10, 2),
    notes TEXT,
    last_message_snippet VARCHAR(500),
    last_message_at TIMESTAMP,
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_leads_business_id ON leads(business_id);
CREATE INDEX IF NOT EXISTS idx_leads_conversation_id ON leads(conversation_id);
CREATE INDEX IF NOT EXISTS idx_leads_assigned_to ON leads(assigned_to);

CREATE TABLE IF NOT EXISTS lead_labels (
    lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    label VARCHAR(255) NOT NULL,
    PRIMARY KEY (lead_id, label)
);

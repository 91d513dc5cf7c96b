CREATE TABLE IF NOT EXISTS contacts (
    id BIGSERIAL PRIMARY KEY,
    business_id BIGINT NOT NULL REFERENCES businesses(id),
    name VARCHAR(255),
    email VARCHAR(255),
    phone VARCHAR(50),
    handles JSONB,
    first_seen_at TIMESTAMP,
    last_seen_at TIMESTAMP,
    total_orders INTEGER DEFAULT 0,
    total_revenue NUMERIC(12, 2) DEFAULT 0,
    archived_at TIMESTAMP,
    deleted_at TIMESTAMP,
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_contacts_business_id ON contacts(business_id);
CREATE INDEX IF NOT EXISTS idx_contacts_email ON contacts(email);
CREATE INDEX IF NOT EXISTS idx_contacts_phone ON contacts(phone);
CREATE INDEX IF NOT EXISTS idx_contacts_business_archived ON contacts(business_id, archived_at);
CREATE INDEX IF NOT EXISTS idx_contacts_handles ON contacts USING GIN (handles);

ALTER TABLE conversations ADD COLUMN IF NOT EXISTS contact_id BIGINT REFERENCES contacts(id);
ALTER TABLE leads ADD COLUMN IF NOT EXISTS contact_id BIGINT REFERENCES contacts(id);
CREATE INDEX IF NOT EXISTS idx_conversations_contact_id ON conversations(contact_id);
CREATE INDEX IF NOT EXISTS idx_leads_contact_id ON leads(contact_id);

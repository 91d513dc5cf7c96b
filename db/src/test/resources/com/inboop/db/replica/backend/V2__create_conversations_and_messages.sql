CREATE TABLE IF NOT EXISTS conversations (
    id BIGSERIAL PRIMARY KEY,
    business_id BIGINT NOT NULL REFERENCES businesses(id),
    instagram_conversation_id VARCHAR(255) UNIQUE,
    instagram_scoped_user_id VARCHAR(255),
    customer_handle VARCHAR(255),
    customer_name VARCHAR(255),
    profile_picture VARCHAR(500),
    last_message TEXT,
    unread_count INTEGER DEFAULT 0,
    is_active BOOLEAN DEFAULT TRUE,
    started_at TIMESTAMP,
    last_message_at TIMESTAMP,
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_conversations_business_id ON conversations(business_id);
CREATE INDEX IF NOT EXISTS idx_conversations_instagram_scoped_user_id ON conversations(instagram_scoped_user_id);
CREATE INDEX IF NOT EXISTS idx_conversations_business_customer ON conversations(business_id, instagram_scoped_user_id);

CREATE TABLE IF NOT EXISTS messages (
    id BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    instagram_message_id VARCHAR(255) UNIQUE,
    sender_id VARCHAR(255) NOT NULL,
    is_from_customer BOOLEAN NOT NULL,
    original_text TEXT,
    translated_text TEXT,
    detected_language VARCHAR(10),
    sentiment VARCHAR(50),
    ai_classification TEXT,
    has_attachment BOOLEAN DEFAULT FALSE,
    attachment_url VARCHAR(1000),
    attachment_type VARCHAR(50),
    is_read BOOLEAN DEFAULT FALSE,
    sent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_messages_conversation_id ON messages(conversation_id);
CREATE INDEX IF NOT EXISTS idx_messages_sent_at ON messages(sent_at);

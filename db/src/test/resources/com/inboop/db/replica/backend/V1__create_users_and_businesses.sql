-- Replica of the Inboop backend's own migration history (test fixture, written for inboop-db's tests from the
-- production fact sheet, not the backend's files): V1..V13 leave the schema inboop-db's V001 describes.
CREATE TABLE IF NOT EXISTS users (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    password VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL DEFAULT 'USER',
    oauth_provider VARCHAR(50),
    oauth_id VARCHAR(255),
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS businesses (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    instagram_business_id VARCHAR(255) UNIQUE,
    instagram_page_id VARCHAR(255),
    instagram_username VARCHAR(255),
    access_token VARCHAR(1000),
    token_expires_at TIMESTAMP,
    owner_id BIGINT NOT NULL REFERENCES users(id),
    webhook_verified BOOLEAN DEFAULT FALSE,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP,
    updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_businesses_owner_id ON businesses(owner_id);

-- V001: Inboop's schema as the backend's own Flyway migrations V1..V13 leave it (../shared/inboop/existing-schema.md),
-- written for this module from that fact sheet. It is the starting point the design document aligns additively.
--
-- Where it runs: only on an EMPTY database. A database that already holds this schema (production, with the backend's
-- flyway_schema_history at version 13) is adopted instead: inboop-db's own history table, inboop_schema_history,
-- is baselined at version 1 and this file never runs there. beforeBaseline.sql refuses any other non-empty database.
-- So every statement here is a plain CREATE: run by mistake on a populated database, it fails at its first line
-- instead of half-creating a second schema.
--
-- Names are production's: constraints and indexes the backend created without a name carry Postgres' default names
-- (conversations_contact_id_fkey, orders_order_number_key); the idx_* names are the backend's. A later migration
-- that wants one of these indexes reuses its name, so no database ends up with the same index twice.
-- Timestamps are timestamp without time zone, written in UTC by the application. Ids are bigserial.
--
-- The cascades below are production's own (workspace membership, plans, lead labels, order items and timeline go
-- with their parent); inboop-db adds no cascade of its own.
-- (No approval needed: on an empty database these cascades are part of new tables, and V001 never runs elsewhere.)
--
-- Never edit this file once landed; every change is a new migration.

CREATE TABLE users (
    id             bigserial    PRIMARY KEY,
    name           varchar(255) NOT NULL,
    email          varchar(255) NOT NULL UNIQUE,
    password       varchar(255) NOT NULL,
    role           varchar(50)  NOT NULL DEFAULT 'USER',
    oauth_provider varchar(50),
    oauth_id       varchar(255),
    created_at     timestamp,
    updated_at     timestamp,
    archived_at    timestamp,
    deleted_at     timestamp
);

CREATE TABLE workspaces (
    id         bigserial    PRIMARY KEY,
    name       varchar(255) NOT NULL,
    plan       varchar(50)  NOT NULL DEFAULT 'PRO',
    owner_id   bigint       NOT NULL REFERENCES users (id),
    created_at timestamp    DEFAULT now(),
    updated_at timestamp    DEFAULT now(),
    deleted_at timestamp
);
CREATE INDEX idx_workspaces_owner ON workspaces (owner_id);

CREATE TABLE businesses (
    id                     bigserial     PRIMARY KEY,
    name                   varchar(255)  NOT NULL,
    instagram_business_id  varchar(255)  UNIQUE,
    instagram_page_id      varchar(255),
    instagram_username     varchar(255),
    access_token           varchar(1000),
    token_expires_at       timestamp,
    owner_id               bigint        NOT NULL REFERENCES users (id),
    webhook_verified       boolean       DEFAULT false,
    is_active              boolean       DEFAULT true,
    available_page_ids     varchar(2000),
    selected_page_id       varchar(255),
    last_ig_account_id_seen varchar(255),
    connection_retry_at    timestamp,
    last_connection_error  varchar(255),
    last_status_check_at   timestamp,
    workspace_id           bigint        REFERENCES workspaces (id),
    created_at             timestamp,
    updated_at             timestamp,
    archived_at            timestamp,
    deleted_at             timestamp
);
CREATE INDEX idx_businesses_owner_id ON businesses (owner_id);
CREATE INDEX idx_businesses_workspace ON businesses (workspace_id);

CREATE TABLE workspace_members (
    id            bigserial   PRIMARY KEY,
    workspace_id  bigint      NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role          varchar(50) NOT NULL DEFAULT 'MEMBER',
    invited_by_id bigint      REFERENCES users (id),
    invited_at    timestamp   DEFAULT now(),
    joined_at     timestamp,
    created_at    timestamp   DEFAULT now(),
    updated_at    timestamp   DEFAULT now(),
    UNIQUE (workspace_id, user_id)
);
CREATE INDEX idx_workspace_members_workspace ON workspace_members (workspace_id);
CREATE INDEX idx_workspace_members_user ON workspace_members (user_id);
CREATE INDEX idx_workspace_members_role ON workspace_members (role);

CREATE TABLE workspace_plans (
    id           bigserial   PRIMARY KEY,
    workspace_id bigint      NOT NULL UNIQUE REFERENCES workspaces (id) ON DELETE CASCADE,
    plan         varchar(50) NOT NULL DEFAULT 'FREE',
    plan_status  varchar(50) NOT NULL DEFAULT 'ACTIVE',
    started_at   timestamp   NOT NULL DEFAULT now(),
    expires_at   timestamp,
    created_at   timestamp   DEFAULT now(),
    updated_at   timestamp   DEFAULT now()
);
CREATE INDEX idx_workspace_plans_workspace_id ON workspace_plans (workspace_id);
CREATE INDEX idx_workspace_plans_expires_at ON workspace_plans (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE contacts (
    id            bigserial     PRIMARY KEY,
    business_id   bigint        NOT NULL REFERENCES businesses (id),
    name          varchar(255),
    email         varchar(255),
    phone         varchar(50),
    handles       jsonb,
    first_seen_at timestamp,
    last_seen_at  timestamp,
    total_orders  integer       DEFAULT 0,
    total_revenue numeric(12,2) DEFAULT 0,
    archived_at   timestamp,
    deleted_at    timestamp,
    created_at    timestamp,
    updated_at    timestamp
);
CREATE INDEX idx_contacts_business_id ON contacts (business_id);
CREATE INDEX idx_contacts_email ON contacts (email);
CREATE INDEX idx_contacts_phone ON contacts (phone);
CREATE INDEX idx_contacts_business_archived ON contacts (business_id, archived_at);
CREATE INDEX idx_contacts_handles ON contacts USING gin (handles);

CREATE TABLE conversations (
    id                        bigserial    PRIMARY KEY,
    business_id               bigint       NOT NULL REFERENCES businesses (id),
    instagram_conversation_id varchar(255) UNIQUE,
    instagram_scoped_user_id  varchar(255),
    channel                   varchar(50)  NOT NULL DEFAULT 'INSTAGRAM',
    customer_handle           varchar(255),
    customer_name             varchar(255),
    profile_picture           varchar(500),
    last_message              text,
    unread_count              integer      DEFAULT 0,
    is_active                 boolean      DEFAULT true,
    started_at                timestamp,
    last_message_at           timestamp,
    contact_id                bigint       REFERENCES contacts (id),
    assigned_to_user_id       bigint       REFERENCES users (id),
    intent_label              varchar(50),
    intent_confidence         numeric(5,4),
    intent_evaluated_at       timestamp,
    first_message_at          timestamp,
    lead_count                integer      DEFAULT 0,
    order_count               integer      DEFAULT 0,
    metadata                  jsonb,
    created_at                timestamp,
    updated_at                timestamp,
    archived_at               timestamp,
    deleted_at                timestamp
);
CREATE INDEX idx_conversations_business_id ON conversations (business_id);
CREATE INDEX idx_conversations_instagram_scoped_user_id ON conversations (instagram_scoped_user_id);
CREATE INDEX idx_conversations_business_customer ON conversations (business_id, instagram_scoped_user_id);
CREATE INDEX idx_conversations_archived_at ON conversations (archived_at);
CREATE INDEX idx_conversations_deleted_at ON conversations (deleted_at);
CREATE INDEX idx_conversations_business_archived ON conversations (business_id, archived_at);
CREATE INDEX idx_conversations_contact_id ON conversations (contact_id);
CREATE INDEX idx_conversations_assigned_to ON conversations (assigned_to_user_id);
CREATE INDEX idx_conversations_intent_label ON conversations (intent_label);
CREATE INDEX idx_conversations_business_intent ON conversations (business_id, intent_label);

CREATE TABLE messages (
    id                   bigserial     PRIMARY KEY,
    conversation_id      bigint        NOT NULL REFERENCES conversations (id),
    instagram_message_id varchar(255)  UNIQUE,
    sender_id            varchar(255)  NOT NULL,
    is_from_customer     boolean       NOT NULL,
    original_text        text,
    translated_text      text,
    detected_language    varchar(10),
    sentiment            varchar(50),
    ai_classification    text,
    has_attachment       boolean       DEFAULT false,
    attachment_url       varchar(1000),
    attachment_type      varchar(50),
    is_read              boolean       DEFAULT false,
    sent_at              timestamp     NOT NULL,
    created_at           timestamp,
    updated_at           timestamp,
    direction            varchar(50),
    sender_type          varchar(50),
    content_type         varchar(50),
    channel_message_id   varchar(255),
    metadata             jsonb
);
CREATE INDEX idx_messages_conversation_id ON messages (conversation_id);
CREATE INDEX idx_messages_direction ON messages (direction);
CREATE INDEX idx_messages_sender_type ON messages (sender_type);
CREATE INDEX idx_messages_content_type ON messages (content_type);
CREATE INDEX idx_messages_channel_message_id ON messages (channel_message_id);
CREATE INDEX idx_messages_sent_at ON messages (sent_at);

CREATE TABLE leads (
    id                   bigserial     PRIMARY KEY,
    business_id          bigint        NOT NULL REFERENCES businesses (id),
    conversation_id      bigint        REFERENCES conversations (id),
    instagram_user_id    varchar(255)  NOT NULL,
    instagram_username   varchar(255),
    customer_name        varchar(255),
    profile_picture      varchar(500),
    channel              varchar(50)   NOT NULL DEFAULT 'INSTAGRAM',
    status               varchar(50)   NOT NULL DEFAULT 'NEW',
    type                 varchar(50)   NOT NULL DEFAULT 'OTHER',
    assigned_to          bigint        REFERENCES users (id),
    detected_language    varchar(10),
    value                numeric(10,2),
    notes                text,
    last_message_snippet varchar(500),
    last_message_at      timestamp,
    source               varchar(50),
    created_by           bigint        REFERENCES users (id),
    contact_id           bigint        REFERENCES contacts (id),
    created_at           timestamp,
    updated_at           timestamp,
    archived_at          timestamp,
    deleted_at           timestamp
);
CREATE INDEX idx_leads_business_id ON leads (business_id);
CREATE INDEX idx_leads_conversation_id ON leads (conversation_id);
CREATE INDEX idx_leads_assigned_to ON leads (assigned_to);
CREATE INDEX idx_leads_archived_at ON leads (archived_at);
CREATE INDEX idx_leads_deleted_at ON leads (deleted_at);
CREATE INDEX idx_leads_business_archived ON leads (business_id, archived_at);
CREATE INDEX idx_leads_source ON leads (source);
CREATE INDEX idx_leads_created_by ON leads (created_by);
CREATE INDEX idx_leads_contact_id ON leads (contact_id);
CREATE INDEX idx_leads_status_archived ON leads (status, archived_at);

CREATE TABLE lead_labels (
    lead_id bigint       NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    label   varchar(255) NOT NULL,
    PRIMARY KEY (lead_id, label)
);

CREATE TABLE orders (
    id                     bigserial     PRIMARY KEY,
    order_number           varchar(255)  NOT NULL UNIQUE,
    business_id            bigint        NOT NULL REFERENCES businesses (id),
    lead_id                bigint        REFERENCES leads (id),
    customer_name          varchar(255),
    customer_phone         varchar(50),
    customer_address       text,
    status                 varchar(50)   NOT NULL DEFAULT 'PENDING',
    total_amount           numeric(10,2),
    notes                  text,
    tracking_number        varchar(255),
    order_date             timestamp     NOT NULL,
    shipped_at             timestamp,
    delivered_at           timestamp,
    payment_status         varchar(50)   DEFAULT 'UNPAID',
    payment_method         varchar(50),
    paid_at                timestamp,
    conversation_id        bigint        REFERENCES conversations (id),
    contact_id             bigint        REFERENCES contacts (id),
    channel                varchar(50),
    currency               varchar(10)   DEFAULT 'INR',
    external_order_id      varchar(255),
    assigned_to_user_id    bigint        REFERENCES users (id),
    cancelled_at           timestamp,
    customer_handle        varchar(255),
    carrier                varchar(255),
    tracking_url           varchar(500),
    shipping_address_line1 varchar(255),
    shipping_address_line2 varchar(255),
    shipping_city          varchar(100),
    shipping_state         varchar(100),
    shipping_postal_code   varchar(20),
    shipping_country       varchar(100),
    created_at             timestamp,
    updated_at             timestamp,
    archived_at            timestamp,
    deleted_at             timestamp
);
CREATE INDEX idx_orders_business_id ON orders (business_id);
CREATE INDEX idx_orders_lead_id ON orders (lead_id);
CREATE INDEX idx_orders_archived_at ON orders (archived_at);
CREATE INDEX idx_orders_deleted_at ON orders (deleted_at);
CREATE INDEX idx_orders_business_archived ON orders (business_id, archived_at);
CREATE INDEX idx_orders_payment_status ON orders (payment_status);
CREATE INDEX idx_orders_conversation_id ON orders (conversation_id);
CREATE INDEX idx_orders_contact_id ON orders (contact_id);
CREATE INDEX idx_orders_channel ON orders (channel);
CREATE INDEX idx_orders_external_order_id ON orders (external_order_id);
CREATE INDEX idx_orders_assigned_to ON orders (assigned_to_user_id);
CREATE INDEX idx_orders_status_payment ON orders (status, payment_status);
CREATE INDEX idx_orders_customer_handle ON orders (customer_handle);
CREATE INDEX idx_orders_customer_name ON orders (customer_name);
CREATE INDEX idx_orders_tracking_number ON orders (tracking_number);

CREATE TABLE order_items (
    id          bigserial     PRIMARY KEY,
    order_id    bigint        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    name        varchar(255)  NOT NULL,
    description text,
    quantity    integer       NOT NULL DEFAULT 1,
    unit_price  numeric(10,2) NOT NULL,
    total_price numeric(10,2) NOT NULL,
    sku         varchar(100),
    metadata    jsonb,
    created_at  timestamp,
    updated_at  timestamp
);
CREATE INDEX idx_order_items_order_id ON order_items (order_id);

CREATE TABLE order_timeline (
    id                   bigserial   PRIMARY KEY,
    order_id             bigint      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status               varchar(50) NOT NULL,
    payment_status       varchar(50),
    note                 text,
    performed_by_user_id bigint      REFERENCES users (id),
    created_at           timestamp   NOT NULL
);
CREATE INDEX idx_order_timeline_order_id ON order_timeline (order_id);

CREATE TABLE data_deletion_requests (
    id                    bigserial    PRIMARY KEY,
    confirmation_code     varchar(36)  NOT NULL UNIQUE,
    facebook_user_id      varchar(255) NOT NULL,
    instagram_business_id varchar(255),
    request_type          varchar(20)  NOT NULL,
    status                varchar(20)  NOT NULL DEFAULT 'PENDING',
    requested_at          timestamp    NOT NULL DEFAULT now(),
    completed_at          timestamp,
    records_deleted       integer      DEFAULT 0,
    error_message         text,
    raw_payload           text,
    request_ip            varchar(50)
);
CREATE INDEX idx_deletion_confirmation_code ON data_deletion_requests (confirmation_code);
CREATE INDEX idx_deletion_facebook_user_id ON data_deletion_requests (facebook_user_id);
CREATE INDEX idx_deletion_instagram_business_id ON data_deletion_requests (instagram_business_id);
CREATE INDEX idx_deletion_status ON data_deletion_requests (status);

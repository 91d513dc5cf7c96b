-- The target schema of ../shared/seed-schema-strategy.md on Inboop's real schema, written down once, declaratively:
-- what every Inboop database converges to. It is never applied to a real database. `align` applies it to a
-- throwaway Postgres, compares that with a live database or with what the migrations build, and proposes the
-- additive migrations that are missing. Change the target here first; the proposals follow.
--
-- It is production's schema (the backend's V1..V13, as migrations/V001 has it, with production's names), plus what
-- the design adds and what the backend's Hibernate added in production (see each "additions" block): the four ENUMs
-- with the product's values, typed status columns beside the backend's varchar ones, the design's assignee column on
-- leads, Hibernate's columns, constraints and table, and the list indexes. AlignTest keeps it equal to what the
-- migrations build.

-- Trigram matching for the lists' text search (domain: the three list surfaces); a contrib module, trusted since 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Enums (design: "Enums vs Lookup Tables"): append-only; values from ../shared/inboop/domain.md.
CREATE TYPE lead_status AS ENUM ('NEW', 'CONVERTED', 'CLOSED', 'LOST');
CREATE TYPE order_status AS ENUM ('NEW', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED');
CREATE TYPE payment_status AS ENUM ('UNPAID', 'PAID', 'REFUNDED');
CREATE TYPE intent_label AS ENUM ('BUYING', 'SUPPORT', 'BROWSING', 'SPAM', 'OTHER');

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
    deleted_at             timestamp,
    -- design and Hibernate additions (V002..V018)
    facebook_page_id              varchar(255),
    facebook_user_id              varchar(255),
    instagram_business_account_id varchar(255) CONSTRAINT ukq3nj2hrehf5jb13shye747yah UNIQUE
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
    CONSTRAINT uk6se2rw5firt04m4vpmqvbnr4u UNIQUE (workspace_id, user_id)
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
    deleted_at                timestamp,
    -- design and Hibernate additions (V002..V018)
    intent_label_enum         intent_label
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
    metadata             jsonb,
    -- the business of the message's conversation, so that search is scoped by its index (V054..V056)
    business_id          bigint
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
    deleted_at           timestamp,
    -- design and Hibernate additions (V002..V018)
    status_enum          lead_status,
    assigned_to_user_id  bigint        REFERENCES users (id),
    converted_at         timestamp(6),
    converted_order_id   bigint,
    converted_order_number varchar(255),
    -- the lead's live orders, for the "has orders" filter (V067..V069; NULL: not counted yet). New leads get 0 from
    -- V068's default, which align does not propose on an existing column (a default needs a backfill first).
    order_count          integer
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
    deleted_at             timestamp,
    -- design and Hibernate additions (V002..V018)
    status_enum            order_status,
    payment_status_enum    payment_status,
    idempotency_key        varchar(255)  CONSTRAINT ukd1kkvl4hi9hp3peub1umk2xeo UNIQUE,
    is_converting_order    boolean
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
    created_at           timestamp   NOT NULL,
    -- design and Hibernate additions (V002..V018)
    event_type           varchar(255) CHECK (event_type IN ('STATUS_CHANGE', 'PAYMENT_UPDATE', 'ITEMS_UPDATED',
                                                       'SHIPPING_UPDATED', 'ASSIGNMENT_CHANGE', 'NOTE_ADDED'))
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

-- Created by the backend's Hibernate in production; owned by migrations since V002.
CREATE TABLE webhook_logs (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    object_type   varchar(255),
    entry_id      varchar(255),
    sender_id     varchar(255),
    recipient_id  varchar(255),
    message_id    varchar(255),
    message_text  text,
    raw_payload   text,
    error_message text,
    processed     boolean,
    received_at   timestamp(6)
);

-- Indexes for the list surfaces (design: "Indexing"): scoped by business_id, partial on what each list shows, ordered
-- like its keyset.
CREATE INDEX idx_conversations_inbox ON conversations
    (business_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_conversations_inbox_unassigned ON conversations
    (business_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE assigned_to_user_id IS NULL AND archived_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_conversations_inbox_assignee ON conversations
    (assigned_to_user_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_conversations_inbox_archived ON conversations
    (business_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE archived_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_leads_list ON leads
    (business_id, (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_status_enum ON leads
    (business_id, status_enum, (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_assigned_to_user ON leads (assigned_to_user_id, archived_at);
CREATE INDEX idx_orders_list ON orders (business_id, (coalesce(created_at, order_date)) DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_orders_status_enum ON orders
    (business_id, status_enum, (coalesce(created_at, order_date)) DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_orders_payment_status_enum ON orders
    (business_id, payment_status_enum, (coalesce(created_at, order_date)) DESC, id DESC) WHERE deleted_at IS NULL;
-- The query layer's other views: include archived, one agent's inbox within its business, the tab counts read from
-- the index alone, one agent's leads (whichever assignee column holds them).
CREATE INDEX idx_conversations_inbox_all ON conversations
    (business_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_conversations_inbox_business_assignee ON conversations
    (business_id, assigned_to_user_id, (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC,
     id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_conversations_tab_counts ON conversations (business_id)
    INCLUDE (assigned_to_user_id, intent_label_enum, intent_label, unread_count)
    WHERE archived_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_leads_list_assignee ON leads
    (business_id, (coalesce(assigned_to_user_id, assigned_to)), (coalesce(created_at, '1970-01-01 00:00:00'::timestamp))
     DESC, id DESC)
    WHERE deleted_at IS NULL;

-- Text search (trigram GIN, not partial so that the planner has the expressions' statistics): the very expressions
-- the queries search.
CREATE INDEX idx_conversations_search ON conversations
    USING gin ((coalesce(customer_name, '') || ' ' || coalesce(customer_handle, '')) gin_trgm_ops);
CREATE INDEX idx_messages_search ON messages USING gin (original_text gin_trgm_ops);
CREATE INDEX idx_leads_search ON leads USING gin ((coalesce(customer_name, '') || ' ' || coalesce(notes, '')) gin_trgm_ops);
CREATE INDEX idx_orders_search ON orders
    USING gin ((order_number || ' ' || coalesce(customer_name, '') || ' ' || coalesce(customer_handle, '') || ' '
                || coalesce(tracking_number, '')) gin_trgm_ops);

-- Search scoped to the workspace by its index (V057..V062): the business beside the trigrams (btree_gin), and the
-- messages whose business is not filled yet.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX idx_messages_business_search ON messages USING gin (business_id, original_text gin_trgm_ops);
CREATE INDEX idx_messages_unfilled_business ON messages (conversation_id) WHERE business_id IS NULL;
CREATE INDEX idx_conversations_business_search ON conversations
    USING gin (business_id, (coalesce(customer_name, '') || ' ' || coalesce(customer_handle, '')) gin_trgm_ops);
CREATE INDEX idx_leads_business_search ON leads
    USING gin (business_id, (coalesce(customer_name, '') || ' ' || coalesce(notes, '')) gin_trgm_ops);
CREATE INDEX idx_orders_business_search ON orders
    USING gin (business_id, (order_number || ' ' || coalesce(customer_name, '') || ' ' || coalesce(customer_handle, '')
               || ' ' || coalesce(tracking_number, '')) gin_trgm_ops);

-- The inbox's tab counts kept per business (V063..V066; the trigger functions are in those migrations).
CREATE TABLE conversation_count_changes (
    business_id         bigint        NOT NULL,
    assigned_to_user_id bigint,
    intent_label        intent_label,
    unread              boolean       NOT NULL,
    change              integer       NOT NULL
);
CREATE INDEX idx_conversation_count_changes_business ON conversation_count_changes (business_id);
CREATE TABLE conversation_counts_kept (
    business_id bigint    PRIMARY KEY,
    kept_since  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

-- Leads with orders in the leads list's order (V070), and those not counted yet.
CREATE INDEX idx_leads_list_with_orders ON leads
    (business_id, (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE deleted_at IS NULL AND (order_count > 0 OR order_count IS NULL);

-- The expand phase (docs/typed-status-columns.md): what each legacy value means, one definition for the database's
-- triggers (V041 to V043 keep every typed column in step with its legacy twin in the writer's own statement), the
-- query layer and the backfill jobs; and the rule that places a business in its owner's one workspace (V038, V039).
-- The trigger functions themselves are in those migrations.
CREATE FUNCTION inboop_owned_workspace(owner bigint) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN count(*) = 1 THEN min(w.id) END FROM public.workspaces w
       WHERE w.owner_id = owner AND w.deleted_at IS NULL $$;
CREATE FUNCTION inboop_lead_status(legacy text) RETURNS lead_status LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
       WHEN 'NEW' THEN 'NEW'::public.lead_status WHEN 'CONTACTED' THEN 'NEW'::public.lead_status
       WHEN 'QUALIFIED' THEN 'NEW'::public.lead_status WHEN 'NEGOTIATING' THEN 'NEW'::public.lead_status
       WHEN 'CONVERTED' THEN 'CONVERTED'::public.lead_status WHEN 'CLOSED' THEN 'CLOSED'::public.lead_status
       WHEN 'SPAM' THEN 'CLOSED'::public.lead_status WHEN 'LOST' THEN 'LOST'::public.lead_status END $$;
CREATE FUNCTION inboop_order_status(legacy text) RETURNS order_status LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
       WHEN 'NEW' THEN 'NEW'::public.order_status WHEN 'PENDING' THEN 'NEW'::public.order_status
       WHEN 'CONFIRMED' THEN 'CONFIRMED'::public.order_status WHEN 'PROCESSING' THEN 'CONFIRMED'::public.order_status
       WHEN 'SHIPPED' THEN 'SHIPPED'::public.order_status WHEN 'DELIVERED' THEN 'DELIVERED'::public.order_status
       WHEN 'CANCELLED' THEN 'CANCELLED'::public.order_status END $$;
CREATE FUNCTION inboop_payment_status(legacy text, legacy_status text) RETURNS payment_status
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN upper(btrim(legacy_status, E' \t\r\n') COLLATE "C") = 'REFUNDED' THEN 'REFUNDED'::public.payment_status
       ELSE CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C") WHEN 'UNPAID' THEN 'UNPAID'::public.payment_status
       WHEN 'PAID' THEN 'PAID'::public.payment_status WHEN 'REFUNDED' THEN 'REFUNDED'::public.payment_status END END $$;
CREATE FUNCTION inboop_intent_label(legacy text) RETURNS intent_label LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE upper(btrim(legacy, E' \t\r\n') COLLATE "C")
       WHEN 'BUYING' THEN 'BUYING'::public.intent_label WHEN 'SUPPORT' THEN 'SUPPORT'::public.intent_label
       WHEN 'BROWSING' THEN 'BROWSING'::public.intent_label WHEN 'SPAM' THEN 'SPAM'::public.intent_label
       WHEN 'OTHER' THEN 'OTHER'::public.intent_label END $$;

-- The status filters on the status a row has (typed, else what the legacy value means), in each list's order.
CREATE INDEX idx_leads_list_status ON leads (business_id, (coalesce(status_enum, inboop_lead_status(status))),
    (coalesce(created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_orders_list_status ON orders (business_id, (coalesce(status_enum, inboop_order_status(status))),
    (coalesce(created_at, order_date)) DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_orders_list_payment_status ON orders
    (business_id, (coalesce(payment_status_enum, inboop_payment_status(payment_status, status))),
     (coalesce(created_at, order_date)) DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_conversations_inbox_intent ON conversations
    (business_id, (coalesce(intent_label_enum, inboop_intent_label(intent_label))),
     (coalesce(last_message_at, created_at, '1970-01-01 00:00:00'::timestamp)) DESC, id DESC)
    WHERE archived_at IS NULL AND deleted_at IS NULL;

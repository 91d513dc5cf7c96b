-- Flyway SQL callback: runs when Flyway is about to adopt a non-empty database that has no inboop_schema_history
-- yet (baselineOnMigrate), before the baseline row is written; it does not run on an empty database, which V001
-- builds. Adoption takes a database as holding V001's schema, so this gate admits only a database that really does:
--
--   1. the backend's own Flyway history (flyway_schema_history) has versions 1 to 13, each applied successfully,
--      and nothing after 13 or failed: V001 is the schema of the backend's V13 and nothing else;
--   2. every table and column V001 creates is there (columns Hibernate added on top are fine: later migrations
--      take them over).
--
-- Anything else (the backend at V10, an unrelated schema, a damaged history) is refused with what is missing and
-- what to do. The exception aborts Flyway before it creates inboop_schema_history, so nothing is written.
--
-- One more database is admitted, when the migrating tool says so (placeholder inboop_adoption = empty-history):
-- one that holds nothing but an empty flyway_schema_history, as a Spring Boot Flyway that found no migrations of its
-- own leaves on a first start. It is empty in all but that table: InboopMigrations then baselines it at version 0, so
-- V001 builds the schema. Other tools (the Flyway command line, the Maven plugin) baseline at 1 and are refused.
-- The backend's history table is only read here, never changed.
-- inboop:approve IB206 the adoption gate reads the catalog and the backend's history and can only refuse
DO $$
DECLARE
    history_versions text;
    missing text;
    other_tables text;
BEGIN
    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO other_tables
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> 'flyway_schema_history';
    -- Nested: PL/pgSQL plans a condition whole, and one naming a table that does not exist fails to plan.
    IF '${inboop_adoption}' = 'empty-history' AND other_tables IS NULL
       AND to_regclass('public.flyway_schema_history') IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM public.flyway_schema_history) THEN
            RETURN;
        END IF;
    END IF;

    IF to_regclass('public.flyway_schema_history') IS NULL THEN
        RAISE EXCEPTION 'inboop-db refuses to adopt this database: it is not empty, and it has no flyway_schema_history'
            USING DETAIL = 'inboop-db adopts only a database that holds Inboop''s schema as the backend''s own '
                           'migrations V1..V13 left it (recorded in flyway_schema_history); nothing was written.',
                  HINT = 'If this is a development database whose tables Hibernate (ddl-auto) or a script made, start '
                         'from an empty one: inboop-db builds the schema, and Hibernate should only validate it. If it '
                         'is Inboop''s production database, its history table is missing: point inboop-db at the '
                         'database the backend''s own migrations (V1..V13) were applied to.';
    END IF;

    SELECT string_agg(version || CASE WHEN success THEN '' ELSE ' (failed)' END, ', '
                      ORDER BY installed_rank)
      INTO history_versions
      FROM public.flyway_schema_history
     WHERE version IS NOT NULL AND type <> 'BASELINE';
    IF history_versions IS NULL AND other_tables IS NULL THEN
        RAISE EXCEPTION 'inboop-db refuses to adopt this database with this tool: it holds nothing but an empty '
                        'flyway_schema_history'
            USING DETAIL = 'A Flyway that found no migrations (Spring Boot''s, on a first start) leaves that table '
                           'behind. This tool would take the database for the backend''s V13 and skip V001. Nothing '
                           'was written.',
                  HINT = 'Migrate it with inboop-db itself (./inboop-db migrate, InboopMigrations.migrate or the '
                         'Spring Boot starter), which builds the schema from V001; or drop the empty table first.';
    END IF;
    IF history_versions IS NULL THEN
        RAISE EXCEPTION 'inboop-db refuses to adopt this database: it has tables (%), but no migration of the '
                        'backend''s was ever applied to it', other_tables
            USING DETAIL = 'inboop-db adopts only Inboop''s database as the backend''s migrations V1..V13 left it, '
                           'or builds an empty one. Nothing was written.',
                  HINT = 'If this is a development database whose tables Hibernate (ddl-auto) or a script made, start '
                         'from an empty one: inboop-db builds the schema, and Hibernate should only validate it. If it '
                         'is Inboop''s production database, run the backend''s own migrations to V13 first.';
    END IF;
    IF history_versions <> '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13' THEN
        RAISE EXCEPTION 'inboop-db refuses to adopt this database: the backend''s flyway_schema_history is not at '
                        'version 13'
            USING DETAIL = 'expected versions 1, 2, ..., 13, each applied successfully, and nothing else; found: '
                           || coalesce(history_versions, 'no applied migration') || '. Nothing was written.',
                  HINT = 'Bring the database to the backend''s V13 with the backend''s own Flyway first (and repair '
                         'any failed migration), then run inboop-db''s migrate again.';
    END IF;

    SELECT string_agg(expected.table_name || '.' || expected.column_name, ', '
                      ORDER BY expected.table_name, expected.column_name)
      INTO missing
      FROM (SELECT t.table_name, unnest(string_to_array(t.columns, ' ')) AS column_name
              FROM (VALUES
        ('businesses', 'id name instagram_business_id instagram_page_id instagram_username access_token token_expires_at'
                        || ' owner_id webhook_verified is_active available_page_ids selected_page_id last_ig_account_id_seen'
                        || ' connection_retry_at last_connection_error last_status_check_at workspace_id created_at'
                        || ' updated_at archived_at deleted_at'),
        ('contacts', 'id business_id name email phone handles first_seen_at last_seen_at total_orders total_revenue'
                      || ' archived_at deleted_at created_at updated_at'),
        ('conversations', 'id business_id instagram_conversation_id instagram_scoped_user_id channel customer_handle'
                           || ' customer_name profile_picture last_message unread_count is_active started_at last_message_at'
                           || ' contact_id assigned_to_user_id intent_label intent_confidence intent_evaluated_at'
                           || ' first_message_at lead_count order_count metadata created_at updated_at archived_at deleted_at'),
        ('data_deletion_requests', 'id confirmation_code facebook_user_id instagram_business_id request_type status requested_at'
                                    || ' completed_at records_deleted error_message raw_payload request_ip'),
        ('lead_labels', 'lead_id label'),
        ('leads', 'id business_id conversation_id instagram_user_id instagram_username customer_name'
                   || ' profile_picture channel status type assigned_to detected_language value notes'
                   || ' last_message_snippet last_message_at source created_by contact_id created_at updated_at'
                   || ' archived_at deleted_at'),
        ('messages', 'id conversation_id instagram_message_id sender_id is_from_customer original_text translated_text'
                      || ' detected_language sentiment ai_classification has_attachment attachment_url attachment_type'
                      || ' is_read sent_at created_at updated_at direction sender_type content_type channel_message_id'
                      || ' metadata'),
        ('order_items', 'id order_id name description quantity unit_price total_price sku metadata created_at updated_at'),
        ('order_timeline', 'id order_id status payment_status note performed_by_user_id created_at'),
        ('orders', 'id order_number business_id lead_id customer_name customer_phone customer_address status'
                    || ' total_amount notes tracking_number order_date shipped_at delivered_at payment_status'
                    || ' payment_method paid_at conversation_id contact_id channel currency external_order_id'
                    || ' assigned_to_user_id cancelled_at customer_handle carrier tracking_url shipping_address_line1'
                    || ' shipping_address_line2 shipping_city shipping_state shipping_postal_code shipping_country'
                    || ' created_at updated_at archived_at deleted_at'),
        ('users', 'id name email password role oauth_provider oauth_id created_at updated_at archived_at deleted_at'),
        ('workspace_members', 'id workspace_id user_id role invited_by_id invited_at joined_at created_at updated_at'),
        ('workspace_plans', 'id workspace_id plan plan_status started_at expires_at created_at updated_at'),
        ('workspaces', 'id name plan owner_id created_at updated_at deleted_at')
                   ) AS t (table_name, columns)) AS expected
     WHERE NOT EXISTS (SELECT 1
                         FROM pg_attribute a
                        WHERE a.attrelid = to_regclass('public.' || expected.table_name)
                          AND a.attname = expected.column_name AND a.attnum > 0 AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'inboop-db refuses to adopt this database: it lacks tables or columns of the backend''s V13 '
                        'schema'
            USING DETAIL = 'missing: ' || missing || '. Nothing was written.',
                  HINT = 'This database''s history says V13 but its schema does not match it. Restore what is '
                         'missing (or find out who dropped it) before inboop-db takes the schema over.';
    END IF;
END
$$;

-- Rows of a production replica at the backend's V13 (test fixture): every legacy value the fact sheet lists, in
-- every column it lists them for, plus values nobody listed (a typo, a value from an old release, odd casing), and
-- businesses.workspace_id NULL everywhere, as the backend leaves it (it scopes businesses by owner_id): Asha owns one
-- workspace and two businesses, Old Admin one workspace and one business, Dev owns two workspaces (ambiguous), Neha
-- none.
INSERT INTO users (id, name, email, password, role, oauth_provider, oauth_id, created_at, updated_at) VALUES
    (1, 'Asha Owner', 'asha@shop.example', '{bcrypt}x', 'USER', 'GOOGLE', 'g-1', '2025-01-02 10:00:00', '2025-01-02 10:00:00'),
    (2, 'Ravi Agent', 'ravi@shop.example', '{bcrypt}x', 'USER', NULL, NULL, '2025-01-03 10:00:00', NULL),
    (3, 'Old Admin', 'old@shop.example', '{bcrypt}x', 'ADMIN', NULL, NULL, NULL, NULL),
    (4, 'Dev Two Shops', 'dev@shop.example', '{bcrypt}x', 'USER', NULL, NULL, '2025-02-01 10:00:00', NULL),
    (5, 'Neha No Workspace', 'neha@shop.example', '{bcrypt}x', 'USER', NULL, NULL, '2025-02-02 10:00:00', NULL);
UPDATE users SET deleted_at = '2025-06-01 00:00:00' WHERE id = 3;

INSERT INTO workspaces (id, name, plan, owner_id) VALUES (1, 'Asha Crafts', 'PRO', 1), (2, 'Dormant', 'FREE', 3),
    (3, 'Dev Retail', 'PRO', 4), (4, 'Dev Wholesale', 'FREE', 4);
INSERT INTO workspace_members (workspace_id, user_id, role, invited_by_id) VALUES (1, 1, 'OWNER', NULL), (1, 2, 'MEMBER', 1);
INSERT INTO workspace_plans (workspace_id, plan, plan_status, expires_at) VALUES (1, 'PRO', 'ACTIVE', '2027-01-01 00:00:00');

INSERT INTO businesses (id, name, instagram_business_id, instagram_page_id, instagram_username, access_token, owner_id,
                        webhook_verified, is_active, available_page_ids, workspace_id, created_at) VALUES
    (1, 'Asha Crafts IG', 'ig-biz-1', 'page-1', 'asha.crafts', 'token-1', 1, true, true, 'page-1,page-2', NULL, '2025-01-02 10:00:00'),
    (2, 'Asha Crafts WA', NULL, NULL, NULL, NULL, 1, false, true, NULL, NULL, '2025-02-02 10:00:00'),
    (3, 'Old Admin shop', 'ig-biz-3', NULL, 'orphan.shop', NULL, 3, false, false, NULL, NULL, NULL),
    (4, 'Dev shop', 'ig-biz-4', NULL, 'dev.shop', NULL, 4, true, true, NULL, NULL, '2025-02-03 10:00:00'),
    (5, 'Neha shop', 'ig-biz-5', NULL, 'neha.shop', NULL, 5, true, true, NULL, NULL, '2025-02-04 10:00:00');

INSERT INTO contacts (id, business_id, name, email, phone, handles, total_orders, total_revenue, created_at) VALUES
    (1, 1, 'Meera', 'meera@example.com', '+91 90000 00001', '{"instagram": "meera.makes"}', 2, 1499.00, '2025-03-01 09:00:00'),
    (2, 2, 'Kabir', NULL, '+91 90000 00002', '{"whatsapp": "+919000000002"}', 0, 0, '2025-03-02 09:00:00');

INSERT INTO conversations (id, business_id, instagram_conversation_id, instagram_scoped_user_id, channel, customer_handle,
                           customer_name, last_message, unread_count, started_at, last_message_at, contact_id,
                           assigned_to_user_id, intent_label, intent_confidence, intent_evaluated_at, lead_count,
                           order_count, metadata, created_at, archived_at, deleted_at) VALUES
    (1, 1, 't-1', 'igsid-1', 'INSTAGRAM', 'meera.makes', 'Meera', 'price?', 2, '2025-03-01 09:00:00', '2025-03-05 09:00:00', 1, 2, 'BUYING', 0.9312, '2025-03-05 09:01:00', 1, 2, '{"source": "dm"}', '2025-03-01 09:00:00', NULL, NULL),
    (2, 2, NULL, NULL, 'WHATSAPP', '+919000000002', 'Kabir', 'where is my order', 0, NULL, '2025-03-06 10:00:00', 2, NULL, 'SUPPORT', 0.8000, NULL, 0, 1, NULL, '2025-03-02 09:00:00', NULL, NULL),
    (3, 1, 't-3', 'igsid-3', 'MESSENGER', 'fb.user', NULL, 'just looking', 0, NULL, '2025-03-07 10:00:00', NULL, NULL, 'BROWSING', 0.5000, NULL, 0, 0, NULL, '2025-03-03 09:00:00', '2025-04-01 00:00:00', NULL),
    (4, 1, 't-4', 'igsid-4', 'INSTAGRAM', 'spam.bot', NULL, 'win money', 5, NULL, NULL, NULL, NULL, 'SPAM', 0.9999, NULL, 0, 0, NULL, NULL, NULL, '2025-04-02 00:00:00'),
    (5, 1, 't-5', 'igsid-5', 'INSTAGRAM', 'other.one', NULL, NULL, 0, NULL, NULL, NULL, NULL, 'OTHER', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL),
    (6, 1, 't-6', NULL, 'INSTAGRAM', NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL),
    (7, 1, 't-7', NULL, 'Instagram', 'typo.channel', NULL, NULL, 0, NULL, NULL, NULL, NULL, 'PURCHASE_INTENT', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);

INSERT INTO messages (id, conversation_id, instagram_message_id, sender_id, is_from_customer, original_text, has_attachment,
                      is_read, sent_at, created_at, direction, sender_type, content_type, channel_message_id, metadata) VALUES
    (1, 1, 'm-1', 'igsid-1', true, 'price?', false, true, '2025-03-01 09:00:00', '2025-03-01 09:00:00', 'INBOUND', 'CUSTOMER', 'TEXT', 'cm-1', NULL),
    (2, 1, 'm-2', 'page-1', false, '499', false, true, '2025-03-01 09:05:00', NULL, 'OUTBOUND', 'BUSINESS', 'TEXT', NULL, NULL),
    (3, 1, NULL, 'system', false, NULL, false, false, '2025-03-01 09:06:00', NULL, 'OUTBOUND', 'SYSTEM', 'IMAGE', NULL, '{"w": 1}'),
    (4, 2, NULL, '+919000000002', true, NULL, true, false, '2025-03-02 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO messages (id, conversation_id, sender_id, is_from_customer, sent_at, content_type)
SELECT 4 + n, 1, 'igsid-1', true, '2025-03-03 00:00:00'::timestamp + n * interval '1 minute', c
  FROM unnest(ARRAY['VIDEO', 'AUDIO', 'FILE', 'STICKER', 'LOCATION', 'CONTACT', 'STORY_MENTION', 'STORY_REPLY',
                    'REEL_SHARE', 'POST_SHARE', 'GIF']) WITH ORDINALITY AS t (c, n);

INSERT INTO leads (id, business_id, conversation_id, instagram_user_id, customer_name, channel, status, type, assigned_to,
                   value, notes, source, created_by, contact_id, created_at, archived_at)
SELECT n, 1, CASE WHEN n % 2 = 0 THEN 1 END, 'igsid-' || n, 'Lead ' || n, ch, st, ty,
       CASE WHEN n % 3 = 0 THEN 2 END, 100 + n, 'note ' || n, src, CASE WHEN n % 4 = 0 THEN 1 END,
       CASE WHEN n = 1 THEN 1 END, '2025-03-01 00:00:00'::timestamp + n * interval '1 hour',
       CASE WHEN n = 5 THEN '2025-05-01 00:00:00'::timestamp END
  FROM unnest(ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATING', 'CONVERTED', 'CLOSED', 'LOST', 'SPAM',
                    'Qualified ', 'ARCHIVED'],
              ARRAY['INSTAGRAM', 'WHATSAPP', 'MESSENGER', 'INSTAGRAM', 'INSTAGRAM', 'WHATSAPP', 'MESSENGER', 'INSTAGRAM',
                    'INSTAGRAM', 'INSTAGRAM'],
              ARRAY['INQUIRY', 'ORDER_REQUEST', 'SUPPORT', 'COMPLAINT', 'FEEDBACK', 'QUOTE_REQUEST', 'OTHER', 'OTHER',
                    'OTHER', 'OTHER'],
              ARRAY['AI', 'MANUAL', NULL, 'AI', 'MANUAL', 'AI', NULL, 'AI', 'MANUAL', 'AI'])
       WITH ORDINALITY AS t (st, ch, ty, src, n);
INSERT INTO lead_labels (lead_id, label) VALUES (1, 'vip'), (1, 'repeat'), (2, 'wholesale');

INSERT INTO orders (id, order_number, business_id, lead_id, customer_name, customer_phone, status, total_amount,
                    tracking_number, order_date, shipped_at, delivered_at, payment_status, payment_method, paid_at,
                    conversation_id, contact_id, channel, currency, external_order_id, assigned_to_user_id,
                    customer_handle, created_at, archived_at, deleted_at)
SELECT n, 'ORD-' || n, CASE WHEN n % 2 = 0 THEN 2 ELSE 1 END, CASE WHEN n = 1 THEN 5 END, 'Customer ' || n,
       '+91 9' || n, st, 100 * n, CASE WHEN n > 4 THEN 'TRK' || n END,
       '2025-04-01 00:00:00'::timestamp + n * interval '1 day', NULL, NULL, ps, pm, NULL,
       CASE WHEN n < 3 THEN 1 END, CASE WHEN n = 1 THEN 1 END, ch, CASE WHEN n = 7 THEN 'USD' ELSE 'INR' END,
       CASE WHEN n = 3 THEN 'shopify-3' END, CASE WHEN n % 3 = 0 THEN 2 END, 'handle' || n,
       CASE WHEN n <> 4 THEN '2025-04-01 00:00:00'::timestamp + n * interval '1 day' END,
       CASE WHEN n = 6 THEN '2025-06-01 00:00:00'::timestamp END,
       CASE WHEN n = 9 THEN '2025-06-02 00:00:00'::timestamp END
  FROM unnest(ARRAY['NEW', 'PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED',
                    'ON_HOLD', 'pending'],
              ARRAY['UNPAID', 'PAID', 'REFUNDED', NULL, 'PAID', 'PAID', 'UNPAID', 'REFUNDED', 'PARTIAL', NULL],
              ARRAY['ONLINE', 'COD', 'MANUAL', 'BANK_TRANSFER', NULL, 'COD', 'ONLINE', 'ONLINE', 'UPI', NULL],
              ARRAY['INSTAGRAM', 'WHATSAPP', 'MESSENGER', NULL, 'INSTAGRAM', 'INSTAGRAM', 'WHATSAPP', 'INSTAGRAM',
                    'TELEGRAM', NULL])
       WITH ORDINALITY AS t (st, ps, pm, ch, n);
INSERT INTO order_items (order_id, name, quantity, unit_price, total_price, sku, metadata) VALUES
    (1, 'Scarf', 2, 49.50, 99.00, 'SC-1', '{"color": "red"}'), (2, 'Bag', 1, 200.00, 200.00, NULL, NULL);
INSERT INTO order_timeline (order_id, status, payment_status, note, performed_by_user_id, created_at) VALUES
    (1, 'NEW', 'UNPAID', 'created', 1, '2025-04-02 00:00:00'), (8, 'REFUNDED', 'REFUNDED', NULL, NULL, '2025-04-10 00:00:00');
INSERT INTO data_deletion_requests (confirmation_code, facebook_user_id, instagram_business_id, request_type, status) VALUES
    ('00000000-0000-0000-0000-000000000001', 'fb-1', 'ig-biz-1', 'DELETE', 'PENDING'),
    ('00000000-0000-0000-0000-000000000002', 'fb-2', NULL, 'DELETE', 'COMPLETED');

-- The rows above chose their ids: move the sequences past them, as the backend's own inserts would have.
SELECT setval(pg_get_serial_sequence(t, 'id'), 1000)
  FROM unnest(ARRAY['users', 'workspaces', 'businesses', 'contacts', 'conversations', 'messages', 'leads', 'orders']) AS t;

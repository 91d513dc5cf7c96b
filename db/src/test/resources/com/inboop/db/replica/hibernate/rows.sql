-- Rows in what the backend's Hibernate added (test fixture), for a replica that has Hibernate's drift.
INSERT INTO webhook_logs (object_type, entry_id, sender_id, message_id, message_text, raw_payload, processed, received_at)
VALUES ('instagram', 'e-1', 'igsid-1', 'm-1', 'price?', '{"entry": []}', true, '2025-03-01 09:00:00.123456'),
       ('instagram', 'e-2', NULL, NULL, NULL, '{}', false, NULL);
UPDATE businesses SET facebook_page_id = 'fbp-1', facebook_user_id = 'fbu-1', instagram_business_account_id = 'igba-1'
 WHERE id = 1;
UPDATE leads SET converted_at = '2025-03-10 10:00:00.5', converted_order_id = 1, converted_order_number = 'ORD-1'
 WHERE status = 'CONVERTED';
UPDATE orders SET idempotency_key = 'idem-' || id, is_converting_order = (id = 1) WHERE id <= 3;
UPDATE order_timeline SET event_type = 'STATUS_CHANGE' WHERE order_id = 1;

ALTER TABLE businesses ADD COLUMN IF NOT EXISTS available_page_ids VARCHAR(2000);
ALTER TABLE businesses ADD COLUMN IF NOT EXISTS selected_page_id VARCHAR(255);
ALTER TABLE businesses ADD COLUMN IF NOT EXISTS last_ig_account_id_seen VARCHAR(255);
ALTER TABLE businesses ADD COLUMN IF NOT EXISTS connection_retry_at TIMESTAMP;
ALTER TABLE businesses ADD COLUMN IF NOT EXISTS last_connection_error VARCHAR(255);
ALTER TABLE businesses ADD COLUMN IF NOT EXISTS last_status_check_at TIMESTAMP;

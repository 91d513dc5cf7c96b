-- Replica of a database where the backend's Hibernate added only some of its columns (test fixture): an older
-- deploy's entities, or a unique key whose creation failed quietly (Hibernate ignores that failure). No webhook_logs.
alter table if exists businesses add column facebook_page_id varchar(255);
alter table if exists businesses add column instagram_business_account_id varchar(255);
alter table if exists businesses drop constraint if exists UKq3nj2hrehf5jb13shye747yah;
alter table if exists businesses add constraint UKq3nj2hrehf5jb13shye747yah unique (instagram_business_account_id);
alter table if exists leads add column converted_at timestamp(6);
alter table if exists orders add column idempotency_key varchar(255);
update businesses set facebook_page_id = 'fbp-1', instagram_business_account_id = 'igba-1' where id = 1;
update leads set converted_at = '2025-03-10 10:00:00.5' where status = 'CONVERTED';
update orders set idempotency_key = 'idem-' || id where id <= 3;

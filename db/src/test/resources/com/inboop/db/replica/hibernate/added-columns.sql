-- Replica of the columns the backend's Hibernate 6.6 (ddl-auto=update) added after the backend's V13 (test fixture,
-- written from the production fact sheet), in Hibernate's own statement style. Unique keys carry Hibernate's
-- implicit names ("UK" + a hash of table and column), which Postgres lower-cases.
alter table if exists businesses add column facebook_page_id varchar(255);
alter table if exists businesses add column facebook_user_id varchar(255);
alter table if exists businesses add column instagram_business_account_id varchar(255);
alter table if exists leads add column converted_at timestamp(6);
alter table if exists leads add column converted_order_id bigint;
alter table if exists leads add column converted_order_number varchar(255);
alter table if exists orders add column idempotency_key varchar(255);
alter table if exists orders add column is_converting_order boolean;
alter table if exists order_timeline add column event_type varchar(255) check (event_type in ('STATUS_CHANGE','PAYMENT_UPDATE','ITEMS_UPDATED','SHIPPING_UPDATED','ASSIGNMENT_CHANGE','NOTE_ADDED'));
alter table if exists businesses drop constraint if exists UKq3nj2hrehf5jb13shye747yah;
alter table if exists businesses add constraint UKq3nj2hrehf5jb13shye747yah unique (instagram_business_account_id);
alter table if exists orders drop constraint if exists UKd1kkvl4hi9hp3peub1umk2xeo;
alter table if exists orders add constraint UKd1kkvl4hi9hp3peub1umk2xeo unique (idempotency_key);

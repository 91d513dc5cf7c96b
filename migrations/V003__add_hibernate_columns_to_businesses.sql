-- businesses: the columns the backend's Hibernate added in production (facebook_page_id, facebook_user_id,
-- instagram_business_account_id), taken over by a migration so that every database has them whether Hibernate ran
-- there or not. Nullable, with the types Hibernate gives them; IF NOT EXISTS leaves a database that has them as it is.

ALTER TABLE businesses
    ADD COLUMN IF NOT EXISTS facebook_page_id              varchar(255),
    ADD COLUMN IF NOT EXISTS facebook_user_id              varchar(255),
    ADD COLUMN IF NOT EXISTS instagram_business_account_id varchar(255);

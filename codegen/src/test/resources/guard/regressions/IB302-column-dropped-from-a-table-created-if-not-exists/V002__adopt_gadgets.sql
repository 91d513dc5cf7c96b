-- A history that adopts tables that may exist already: IF NOT EXISTS. Where gadgets existed, legacy_code held data,
-- so dropping it is a drop on an existing table (issue #27, item 5), though on an empty database it looks new.
CREATE TABLE IF NOT EXISTS gadgets (
    id          bigint PRIMARY KEY,
    legacy_code text
);
ALTER TABLE gadgets DROP COLUMN legacy_code;

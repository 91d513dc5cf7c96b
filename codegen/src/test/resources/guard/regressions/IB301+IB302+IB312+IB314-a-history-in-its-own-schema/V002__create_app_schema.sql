-- A history that keeps its tables in a schema of its own (issue #27, item 1: the semantic layer read only public,
-- and named none of this history's drops).
CREATE SCHEMA app;
CREATE TABLE app.orders (
    id   bigint PRIMARY KEY,
    note text
);
CREATE TABLE app.notes (
    id bigint PRIMARY KEY
);
CREATE TABLE app.codes (
    code text CONSTRAINT codes_code_key UNIQUE
);
CREATE VIEW app.order_ids AS SELECT id FROM app.orders;

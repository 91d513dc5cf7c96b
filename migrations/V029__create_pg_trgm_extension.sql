-- pg_trgm: trigram matching, so that the lists' text search (domain: "text search over customer name, handle, and
-- message content", and the leads' and orders' search fields) is served by GIN indexes (V030..V033) instead of
-- scanning every row. A contrib module shipped with PostgreSQL (and with the embedded binaries the build uses);
-- marked trusted since PostgreSQL 13, so the database owner may create it without superuser. IF NOT EXISTS: a
-- database where it was created by hand (in any schema) keeps it as it is.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- btree_gin: lets one GIN index hold a plain column beside trigram text (V058..V062), so that a text search finds
-- the caller's businesses' matches only, however common the term is in other workspaces. A contrib module shipped
-- with PostgreSQL (and with the embedded binaries the build uses), trusted since PostgreSQL 13 like pg_trgm (V029).
-- IF NOT EXISTS: a database where it was created by hand keeps it as it is.

CREATE EXTENSION IF NOT EXISTS btree_gin;

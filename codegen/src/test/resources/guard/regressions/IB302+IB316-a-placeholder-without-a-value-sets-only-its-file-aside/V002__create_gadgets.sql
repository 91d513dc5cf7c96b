-- ${owner} has no value in the settings: Flyway cannot apply this file (issue #27, item 2). It is reported here,
-- and the files after it are still applied and checked.
CREATE TABLE gadgets (
    id    bigint PRIMARY KEY,
    owner text DEFAULT '${owner}'
);

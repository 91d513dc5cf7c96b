-- The unique key of workspace_members (workspace_id, user_id) takes the name Hibernate gives it. The backend's
-- WorkspaceMember entity declares that key, and Hibernate's ddl-auto=update looks for it by name; under Postgres'
-- default name (workspace_members_workspace_id_user_id_key, from the backend's V7 or inboop-db's V001) it is not
-- found, and update adds a second unique key over the same columns at the backend's next start. Hibernate's name
-- is a hash of the table and column names (the same in Hibernate 6.6 and 7), as for the unique keys Hibernate added
-- itself in production (businesses.instagram_business_account_id, orders.idempotency_key).
--
-- A database where update already added Hibernate's key keeps both: the table holds a few rows per workspace, and
-- dropping a constraint is not additive. A database with neither is left alone (inboop-db check reports it).
-- Renaming is a catalog change under a brief ACCESS EXCLUSIVE lock; no row is read.

-- inboop:approve IB206 renames the key only where it exists under another name, and Hibernate's does not exist yet
-- inboop:approve IB315 the unique key takes Hibernate's name so that ddl-auto=update finds it (issue #24); no inboop-db code names it
DO $$
DECLARE
    postgres_named text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint
                WHERE conrelid = 'public.workspace_members'::regclass AND conname = 'uk6se2rw5firt04m4vpmqvbnr4u') THEN
        RETURN;
    END IF;
    SELECT c.conname INTO postgres_named
      FROM pg_constraint c
     WHERE c.conrelid = 'public.workspace_members'::regclass
       AND c.contype = 'u'
       AND (SELECT array_agg(a.attname::text ORDER BY a.attname)
              FROM pg_attribute a
             WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) = ARRAY['user_id', 'workspace_id']
     ORDER BY c.conname
     LIMIT 1;
    IF postgres_named IS NOT NULL THEN
        EXECUTE format('ALTER TABLE public.workspace_members RENAME CONSTRAINT %I TO uk6se2rw5firt04m4vpmqvbnr4u',
                       postgres_named);
    END IF;
END
$$;

-- leads.assigned_to_user_id: the design's assignee column (seed document, Leads), named like conversations' and
-- orders'. Production's leads carry the backend's own assignee column, assigned_to, which the backend maps and
-- keeps writing: it is left as it is. The two hold the same user: inboop-db's Java writes both in one statement,
-- and the assigned-to-user backfill copies assigned_to where assigned_to_user_id is still NULL. When the backend's
-- entity maps assigned_to_user_id, assigned_to can go (an approved drop; docs/typed-status-columns.md).
--
-- A foreign key for identity, nullable, no cascade; NOT VALID so adding it takes no scan (V018 validates it).

ALTER TABLE leads
    ADD COLUMN IF NOT EXISTS assigned_to_user_id bigint,
    ADD CONSTRAINT leads_assigned_to_user_id_fkey FOREIGN KEY (assigned_to_user_id) REFERENCES users (id) NOT VALID;

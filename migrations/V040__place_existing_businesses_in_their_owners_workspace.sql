-- Production's existing businesses, placed by V038's rule: every business without a workspace whose owner owns
-- exactly one live workspace goes there, so that every workspace's lists show its businesses' rows from this
-- deploy on. The rest (owners with no workspace, or several) stay unplaced and are reported by the
-- business-workspaces job. Data only, no schema change (design rule 7: a backfill of its own). businesses holds one
-- row per connected account: a short UPDATE, its rows locked for milliseconds (lock_timeout 5 s, beforeEachMigrate).
-- Running it again places nothing new: every placeable business already is.

UPDATE businesses
   SET workspace_id = inboop_owned_workspace(owner_id)
 WHERE workspace_id IS NULL
   AND inboop_owned_workspace(owner_id) IS NOT NULL;

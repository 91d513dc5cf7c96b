-- Forward fix of V041: the UPDATE trigger on leads loses its WHEN clause; the function it calls compares the
-- columns itself (it always has, pair by pair), so what it writes is unchanged.
--
-- Why: a trigger's WHEN clause makes the columns it names depend on the trigger, and Postgres then refuses to change
-- their type ("cannot alter type of a column used in a trigger definition"). The backend runs Hibernate's
-- ddl-auto=update at every start, which re-types each mapped column to what its entity declares (varchar(255) for a
-- plain String or enum: status and assigned_to among them, on a database whose columns are still those of the
-- backend's V3). With the WHEN clause that ALTER failed at every start of the backend, and the column kept a type
-- its entity does not declare. No column the backend maps may be named by a trigger's WHEN clause, a view or a
-- generated column of inboop-db (README, "Spring Boot", "Hibernate's ddl-auto").
--
-- Cost: every UPDATE of a lead now calls the function, which returns at once when neither pair changed (measured
-- against the WHEN clause and an empty trigger in SyncTriggerBenchmark; docs/typed-status-columns.md).
-- Dropping and creating the trigger in one transaction takes ACCESS EXCLUSIVE on leads for a catalog change only;
-- no write of the backend runs without a sync trigger in between.

DROP TRIGGER IF EXISTS inboop_sync_changed_lead ON public.leads;

CREATE TRIGGER inboop_sync_changed_lead
    BEFORE UPDATE ON public.leads
    FOR EACH ROW
    EXECUTE FUNCTION public.inboop_sync_leads();

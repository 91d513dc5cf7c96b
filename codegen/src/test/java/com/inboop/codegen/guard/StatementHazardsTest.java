package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;

/** Cases the fixtures do not show: what the lexer must not mistake for a hazard, and spellings it must see. */
class StatementHazardsTest {

    private static List<Rule> rules(String sql) {
        return StatementHazards.check(MigrationScript.parse("V002__x.sql", sql)).stream().map(Violation::rule).toList();
    }

    @Test
    void ignoresHazardsInsideCommentsStringsAndDollarQuotes() {
        assertThat(rules("""
                -- CREATE INDEX i ON widgets (c);
                /* DROP INDEX i; */
                COMMENT ON TABLE widgets IS 'UPDATE widgets SET x = 1; CREATE INDEX i ON widgets (c)';
                """)).isEmpty();
    }

    @Test
    void allowsIndexesAndConstraintsOnATableCreatedInTheSameMigration() {
        assertThat(rules("""
                CREATE TABLE public.gadgets (id bigint PRIMARY KEY, widget_id bigint);
                CREATE INDEX gadgets_widget_id_idx ON gadgets (widget_id);
                ALTER TABLE gadgets ADD CONSTRAINT gadgets_widget_id_fkey FOREIGN KEY (widget_id) REFERENCES widgets (id);
                CREATE MATERIALIZED VIEW gadget_counts AS SELECT widget_id, count(*) FROM gadgets GROUP BY widget_id;
                CREATE INDEX gadget_counts_widget_idx ON gadget_counts (widget_id);
                """)).isEmpty();
    }

    @Test
    void judgesATableCreatedIfNotExistsAsOneThatMayExistWithRows() {
        assertThat(rules("""
                CREATE TABLE IF NOT EXISTS public.gadgets (id bigint PRIMARY KEY, widget_id bigint, code text);
                CREATE INDEX gadgets_widget_id_idx ON gadgets (widget_id);
                ALTER TABLE gadgets ADD CONSTRAINT gadgets_widget_id_fkey FOREIGN KEY (widget_id) REFERENCES widgets (id);
                ALTER TABLE gadgets DROP COLUMN code;
                """)).containsExactly(Rule.IB201, Rule.IB203, Rule.IB302);
    }

    @Test
    void seesUniqueIndexesAndSchemaQualifiedTables() {
        assertThat(rules("CREATE UNIQUE INDEX IF NOT EXISTS i ON ONLY public.widgets (c)")).containsExactly(Rule.IB201);
    }

    @Test
    void seesAColumnAddedWithAnInlineCheckOrAReferenceWithADefault() {
        assertThat(rules("ALTER TABLE widgets ADD size int CHECK (size > 0)")).containsExactly(Rule.IB203);
        assertThat(rules("ALTER TABLE widgets ADD COLUMN team_id bigint DEFAULT 1 REFERENCES teams (id)"))
                .containsExactly(Rule.IB203);
        assertThat(rules("ALTER TABLE widgets ADD COLUMN size int, ADD CONSTRAINT c CHECK (size > 0) NOT VALID"))
                .isEmpty();
    }

    @Test
    void acceptsANewColumnWithAnInlineReferenceForItIsAllNullAndNeedsNoScan() {
        assertThat(rules("ALTER TABLE widgets ADD COLUMN team_id bigint REFERENCES teams (id)")).isEmpty();
        assertThat(rules("ALTER TABLE widgets ADD team_id bigint REFERENCES teams (id)")).isEmpty();
    }

    @Test
    void flagsFunctionsCalledForTheirEffectButNotHousekeeping() {
        assertThat(rules("SELECT backfill_orders()")).containsExactly(Rule.IB209);
        assertThat(rules("SELECT public.backfill_orders(1, 2)")).containsExactly(Rule.IB209);
        assertThat(rules("CALL backfill_orders()")).containsExactly(Rule.IB209);
        assertThat(rules("SELECT set_config('lock_timeout', '5s', false)")).isEmpty();
        assertThat(rules("SELECT pg_advisory_xact_lock(42)")).isEmpty();
        assertThat(rules("SELECT 1")).isEmpty();
    }

    @Test
    void namesTruncatedTablesAndViewsDroppedForGood() {
        assertThat(rules("TRUNCATE ONLY widgets, public.teams RESTART IDENTITY")).containsExactly(Rule.IB208);
        assertThat(MigrationScript.parse("V002__x.sql", "TRUNCATE ONLY widgets, public.teams RESTART IDENTITY")
                .truncatedTables()).containsExactly("widgets", "teams");
        assertThat(rules("DROP VIEW IF EXISTS a, b CASCADE")).containsExactly(Rule.IB312, Rule.IB312);
        assertThat(rules("DROP MATERIALIZED VIEW a; CREATE MATERIALIZED VIEW a AS SELECT 1")).isEmpty();
        assertThat(rules("ALTER VIEW a RENAME TO b")).containsExactly(Rule.IB313);
    }

    @Test
    void seesDataChangesWrittenAsCommonTableExpressions() {
        assertThat(rules("""
                ALTER TABLE widgets ADD COLUMN notes text;
                WITH w AS (SELECT id FROM widgets) UPDATE widgets SET notes = 'x' FROM w WHERE widgets.id = w.id;
                """)).containsExactly(Rule.IB205);
    }

    @Test
    void allowsADataOnlyMigration() {
        assertThat(rules("UPDATE widgets SET notes = label WHERE notes IS NULL;")).isEmpty();
    }
}

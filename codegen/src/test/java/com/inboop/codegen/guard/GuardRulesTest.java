package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.rule.Layer;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Severity;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.postgres.EphemeralPostgres;

/**
 * Every rule against its fixtures under src/test/resources/guard/CODE, each applied after the shared
 * guard/baseline V001: the {@code bad} migrations trigger exactly that rule, the {@code good} variant passes. The
 * lock rules (IB105 to IB108) are specified in LockCheckTest.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class GuardRulesTest {

    private static final Set<Rule> SPECIFIED_ELSEWHERE = EnumSet.of(Rule.IB105, Rule.IB106, Rule.IB107, Rule.IB108);

    /**
     * Both layers always run, so some hazards are named twice, once by each: the index built without CONCURRENTLY
     * (IB201) really holds its lock (IB311); the renamed enum value (IB204) is gone from the enum on Postgres
     * (IB308); Postgres refuses a new enum value used in its own transaction (IB207) and Flyway an unknown script
     * setting (IB104), so the migration fails to apply (IB316).
     */
    private static final Map<Rule, Set<Rule>> SAME_HAZARD_SEEN_BY_THE_OTHER_LAYER = Map.of(
            Rule.IB104, Set.of(Rule.IB316),
            Rule.IB201, Set.of(Rule.IB311),
            Rule.IB204, Set.of(Rule.IB308),
            Rule.IB207, Set.of(Rule.IB316));

    private static EphemeralPostgres server;

    @TempDir
    Path work;

    @BeforeAll
    static void useTheSharedPostgres(EphemeralPostgres shared) {
        server = shared;
    }

    static Stream<Rule> rulesWithFixtures() {
        return Arrays.stream(Rule.values()).filter(rule -> !SPECIFIED_ELSEWHERE.contains(rule));
    }

    @ParameterizedTest(name = "{0} bad")
    @MethodSource("rulesWithFixtures")
    void badFixtureTriggersExactlyItsRule(Rule rule) {
        GuardReport report = GuardHarness.check(GuardHarness.copy("guard/" + rule + "/bad", work), server,
                LockCheck.Mode.RECORD);

        Set<Rule> expected = EnumSet.of(rule);
        expected.addAll(SAME_HAZARD_SEEN_BY_THE_OTHER_LAYER.getOrDefault(rule, Set.of()));
        assertThat(GuardHarness.rules(report)).as(report.render(false)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.hasErrors()).isEqualTo(expected.stream().anyMatch(r -> r.severity() == Severity.ERROR));
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.render())
                .startsWith(v.file() + (v.line() > 0 ? ":" + v.line() : "") + ": " + v.rule() + " "
                        + v.rule().severity())
                .contains("fix: " + v.rule().fix()));
    }

    @ParameterizedTest(name = "{0} by its layer")
    @MethodSource("rulesWithFixtures")
    void aRuleIsReportedByTheLayerItNames(Rule rule) {
        GuardReport staticOnly = new MigrationGuard(GuardHarness.copy("guard/" + rule + "/bad", work),
                LockCheck.Mode.RECORD).checkStatic().report();

        boolean seenStatically = GuardHarness.rules(staticOnly).contains(rule);
        if (rule.layer() == Layer.STATIC) {
            assertThat(seenStatically).as(rule + " is a static rule: " + staticOnly.render(false)).isTrue();
        } else if (rule.layer() == Layer.SEMANTIC) {
            assertThat(seenStatically).as(rule + " is a semantic rule: " + staticOnly.render(false)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} good")
    @MethodSource("rulesWithFixtures")
    void goodFixturePasses(Rule rule) {
        // An approval done right (a known code, a reason, a finding to cover) is IB206's good fixture.
        String good = rule.name().startsWith("IB9") ? "guard/IB206/good" : "guard/" + rule + "/good";
        GuardReport report = GuardHarness.check(GuardHarness.copy(good, work), server, LockCheck.Mode.RECORD);

        assertThat(report.violations()).as(report.render(false)).isEmpty();
        assertThat(report.semanticRan()).isTrue();
    }

    @Test
    void approvedFixturesListTheirApprovals() {
        GuardReport report = GuardHarness.check(GuardHarness.copy("guard/IB302/good", work), server,
                LockCheck.Mode.RECORD);

        assertThat(report.approvals().keySet()).singleElement().satisfies(approval -> {
            assertThat(approval.code()).isEqualTo("IB302");
            assertThat(approval.reason()).isEqualTo("size was never written; approved in INB-43");
        });
        assertThat(report.render(false)).contains("approvals in use:",
                "V002__drop_size_from_widgets.sql:1: IB302 (1 finding) size was never written; approved in INB-43");
    }

    @Test
    void theSemanticLayerSeesThroughDoBlocks() {
        Path folder = GuardHarness.copy("guard/IB206/good", work);
        writeMigration(folder, "V003__drop_label_quietly.sql", """
                -- inboop:approve IB206 demonstrating the semantic layer
                DO $$ BEGIN EXECUTE 'ALTER TABLE widgets DROP COLUMN label'; END $$;
                """);

        GuardReport report = GuardHarness.check(folder, server, LockCheck.Mode.RECORD);

        assertThat(GuardHarness.rules(report)).containsExactly(Rule.IB302);
        assertThat(report.violations().get(0).message()).isEqualTo("column widgets.label was dropped");
    }

    @Test
    void theBaselineIsExemptFromTheAdditiveRules() {
        Path folder = GuardHarness.copy("guard/IB201/good", work);
        // V001 itself creates an index without CONCURRENTLY and a NOT NULL column: it is the legacy schema.
        GuardReport report = GuardHarness.check(folder, server, LockCheck.Mode.RECORD);

        assertThat(report.violations()).isEmpty();
    }

    static Stream<String> regressions() throws java.io.IOException {
        try (Stream<Path> folders = java.nio.file.Files.list(com.inboop.codegen.Fixtures.fixture("../guard/regressions"))) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * Each folder under guard/regressions is a false positive or a miss found on real histories, named for what
     * the guard must report: {@code IB303-renamed-table-is-one-change} exactly IB303, {@code IB101+IB302-...} both,
     * {@code none-...} nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void reportsExactlyWhatTheRegressionFolderIsNamedFor(String regression) {
        String codes = regression.substring(0, regression.indexOf('-'));
        GuardReport report = GuardHarness.check(GuardHarness.copy("guard/regressions/" + regression, work), server,
                LockCheck.Mode.RECORD);

        assertThat(report.violations().stream().map(v -> v.rule().name()).distinct().sorted())
                .as(report.render(false))
                .containsExactlyElementsOf(codes.equals("none") ? java.util.List.of()
                        : Arrays.stream(codes.split("\\+")).sorted().toList());
        assertThat(report.semanticRan()).isTrue();
    }

    @Test
    void runsTheSemanticLayerWhateverTheStaticLayerFound() {
        Path folder = GuardHarness.copy("guard/IB201/bad", work);
        writeMigration(folder, "V003__drop_size_from_widgets.sql", "ALTER TABLE widgets DROP COLUMN size;\n");

        GuardReport report = GuardHarness.check(folder, server, LockCheck.Mode.RECORD);

        assertThat(GuardHarness.rules(report)).contains(Rule.IB201, Rule.IB302);
        assertThat(report.render(false)).contains("layers: static+semantic");
        assertThat(report.recorded()).as("nothing is recorded while errors remain").isEmpty();
    }

    @Test
    void aMigrationThatFailsToApplyIsAFindingWithTheFindingsBeforeIt() {
        Path folder = GuardHarness.copy("guard/IB316/bad", work);
        writeMigration(folder, "V003__drop_size_from_widgets.sql", "ALTER TABLE widgets DROP COLUMN size;\n");

        GuardReport report = GuardHarness.check(folder, server, LockCheck.Mode.RECORD);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("V002__add_weight_to_widgets.sql");
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.message()).contains("relation \"makers\" does not exist");
        });
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("stopped at V002__add_weight_to_widgets"
                + ".sql").contains("statically only"));
        assertThat(report.toJson()).contains("\"code\":\"IB316\"", "\"layers\":\"static+semantic on 1 of 3 files\"");
    }

    @Test
    void everyRuleHasFixturesOrALockTest() {
        assertThat(Stream.concat(rulesWithFixtures(), SPECIFIED_ELSEWHERE.stream()))
                .containsExactlyInAnyOrder(Rule.values());
    }

    private static void writeMigration(Path folder, String name, String sql) {
        try {
            java.nio.file.Files.writeString(folder.resolve(name), sql);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

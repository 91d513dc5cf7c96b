package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.codegen.guard.lock.LockCheck;
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

        assertThat(GuardHarness.rules(report)).as(report.render(false)).containsExactly(rule);
        assertThat(report.hasErrors()).isEqualTo(rule.severity() == Severity.ERROR);
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.render())
                .startsWith(v.file() + (v.line() > 0 ? ":" + v.line() : "") + ": " + rule + " " + rule.severity())
                .contains("fix: " + rule.fix()));
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

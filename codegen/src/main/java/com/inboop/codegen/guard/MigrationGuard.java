package com.inboop.codegen.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.semantic.MigrationEffect;
import com.inboop.codegen.guard.semantic.SemanticGuard;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * Checks a migrations folder against the design's migration rules. The static layer ({@link #checkStatic()}) reads
 * files only and takes milliseconds; the semantic layer is a {@link SemanticGuard} to pass to Flyway while the
 * migrations are applied to a throwaway Postgres. {@link #report} combines both, applies the approvals, and records
 * new migrations in {@code migrations.lock} once everything passed.
 */
public final class MigrationGuard {

    private final Path directory;
    private final LockCheck.Mode lockMode;

    public MigrationGuard(Path directory, LockCheck.Mode lockMode) {
        this.directory = directory;
        this.lockMode = lockMode;
    }

    /** The result of the static layer, kept for {@link #report}. */
    public record StaticResult(MigrationFolder folder, LockCheck lock, List<Violation> violations, long millis) {
    }

    /** Runs the static layer: names, versions, configurations, the lock file and statement hazards. */
    public StaticResult checkStatic() {
        long start = System.nanoTime();
        MigrationFolder folder = MigrationFolder.read(directory);
        LockCheck lock = LockCheck.run(directory, folder.locked(), lockMode);
        List<Violation> violations = new ArrayList<>(folder.violations());
        violations.addAll(lock.violations());
        for (MigrationScript script : folder.scripts()) {
            if (script.statements().isEmpty()) {
                violations.add(new Violation(script.fileName(), 1, Rule.IB109, script.fileName()
                        + " is empty or only comments"));
            }
            violations.addAll(StatementHazards.check(script));
        }
        return new StaticResult(folder, lock, violations, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs the semantic layer on its own: applies the migrations to a throwaway database on {@code server} (which
     * this method does not close) and reports both layers. Call it only when {@link #checkStatic()} found no error:
     * applying migrations that break static rules proves nothing more.
     */
    public GuardReport checkOn(EphemeralPostgres server, MigrationRunner runner, StaticResult checked) {
        SemanticGuard semantic = new SemanticGuard();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_guard")) {
            runner.migrate(database.target(), MigrationFiles.in(directory), semantic);
        }
        return report(checked, Optional.of(semantic));
    }

    /**
     * Applies approvals and the baseline exemption to the findings of the static layer and, if it ran, of the
     * semantic layer; flags approvals without a reason, of unknown rules, or covering nothing; and, if no error is
     * left, records new migrations in the lock file.
     */
    public GuardReport report(StaticResult result, Optional<SemanticGuard> semantic) {
        List<Violation> raw = new ArrayList<>(result.violations());
        List<MigrationEffect> effects = semantic.map(SemanticGuard::effects).orElse(List.of());
        effects.forEach(effect -> raw.addAll(effect.findings()));

        Map<String, MigrationScript> scripts = new HashMap<>();
        result.folder().scripts().forEach(s -> scripts.put(s.fileName(), s));
        Map<Approval, Integer> uses = new LinkedHashMap<>();
        List<Violation> remaining = new ArrayList<>();
        List<Violation> approvalProblems = new ArrayList<>();
        for (MigrationScript script : result.folder().scripts()) {
            for (Approval approval : script.approvals()) {
                Optional<Rule> rule = Rule.byCode(approval.code());
                if (rule.isEmpty()) {
                    approvalProblems.add(new Violation(approval.file(), approval.line(), Rule.IB902,
                            "'" + approval.code() + "' is not a rule code"));
                } else if (approval.reason().isBlank()) {
                    approvalProblems.add(new Violation(approval.file(), approval.line(), Rule.IB901,
                            "approval of " + approval.code() + " without a reason"));
                } else {
                    uses.put(approval, 0);
                }
            }
        }
        for (Violation violation : raw) {
            MigrationScript script = scripts.get(violation.file());
            if (script != null && script.isBaseline() && violation.rule().additive()) {
                continue;
            }
            Optional<Approval> approval = uses.keySet().stream()
                    .filter(a -> a.file().equals(violation.file()) && a.code().equals(violation.rule().name()))
                    .findFirst();
            if (approval.isPresent()) {
                uses.merge(approval.get(), 1, Integer::sum);
            } else {
                remaining.add(violation);
            }
        }
        Map<Approval, Integer> inUse = new LinkedHashMap<>();
        uses.forEach((approval, count) -> {
            boolean judgeable = semantic.isPresent() || !approval.code().startsWith("IB3");
            if (count > 0) {
                inUse.put(approval, count);
            } else if (judgeable) {
                approvalProblems.add(new Violation(approval.file(), approval.line(), Rule.IB903,
                        "approval of " + approval.code() + " covers no finding in " + approval.file()));
            }
        });
        remaining.addAll(approvalProblems);
        remaining.sort(GuardReport.order());
        boolean clean = remaining.stream().noneMatch(v -> v.rule().severity() == Severity.ERROR);
        List<String> recorded = List.of();
        if (clean && semantic.isPresent()) {
            result.lock().record();
            recorded = result.lock().updated() == null ? List.of() : result.lock().added();
        }
        return new GuardReport(result.folder().scripts().size(), List.copyOf(remaining), inUse, effects, recorded,
                semantic.isPresent(), result.millis(), semantic.map(SemanticGuard::elapsedMillis).orElse(0L));
    }
}

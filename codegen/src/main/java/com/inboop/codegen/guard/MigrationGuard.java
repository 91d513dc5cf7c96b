package com.inboop.codegen.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.semantic.MigrationEffect;
import com.inboop.codegen.guard.semantic.SemanticGuard;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * Checks a migrations folder against the design's migration rules. The static layer ({@link #checkStatic()}) reads
 * every SQL file, whatever its name, and takes milliseconds; the semantic layer is a {@link SemanticGuard} to pass to
 * Flyway while the migrations are applied to a throwaway Postgres. {@link #checkOn} runs it whatever the static
 * layer found; {@link #report} combines both and applies the approvals. Nothing here writes into the folder except
 * {@link #record}, which the build calls and {@code check} only when told to.
 */
public final class MigrationGuard {

    private final Path directory;
    private final LockCheck.Mode lockMode;
    private final Naming naming;

    /** A guard for this repository's folder: house naming. */
    public MigrationGuard(Path directory, LockCheck.Mode lockMode) {
        this(directory, lockMode, Naming.HOUSE);
    }

    public MigrationGuard(Path directory, LockCheck.Mode lockMode, Naming naming) {
        this.directory = directory;
        this.lockMode = lockMode;
        this.naming = naming;
    }

    /** The result of the static layer, kept for {@link #report}. */
    public record StaticResult(MigrationFolder folder, LockCheck lock, List<Violation> violations, long millis) {
    }

    /** Runs the static layer: names, versions, configurations, the lock file and statement hazards of every file. */
    public StaticResult checkStatic() {
        long start = System.nanoTime();
        MigrationFolder folder = MigrationFolder.read(directory, naming);
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
     * Runs the semantic layer: applies the migrations to a throwaway database on {@code server} (which this method
     * does not close) and reports both layers, whatever the static layer found. A migration that fails to apply is
     * a finding (IB316) where it failed; the migrations before it keep their semantic findings.
     */
    public GuardReport checkOn(EphemeralPostgres server, MigrationRunner runner, StaticResult checked) {
        SemanticGuard semantic = newSemanticGuard(checked);
        List<Violation> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (checked.folder().scripts().stream().noneMatch(s -> s.kind() == MigrationScript.Kind.VERSIONED)) {
            notes.add("semantic layer not run: no file here is a migration Flyway applies (V<version>__<name>.sql)");
            return report(checked, Optional.empty()).withNotes(notes);
        }
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_guard")) {
            runner.migrate(database.target(), MigrationFiles.in(directory), semantic);
        } catch (MigrationFailedException e) {
            String file = e.script().map(p -> p.getFileName().toString()).orElse(directory.getFileName() + "/");
            failures.add(new Violation(file, e.line(), Rule.IB316, e.getMessage().lines().findFirst().orElse("")
                    .replace(e.script().map(p -> p.toAbsolutePath() + (e.line() > 0 ? ":" + e.line()
                            + (e.column() > 0 ? ":" + e.column() : "") : "") + ": ").orElse(""), "")));
            notes.add("semantic layer stopped at " + file + "; the migrations after it were checked statically only");
        }
        return report(checked, Optional.of(semantic), failures).withNotes(notes);
    }

    /** The semantic layer for this folder, told which tables each migration truncates. */
    public SemanticGuard newSemanticGuard(StaticResult checked) {
        Map<String, Set<String>> truncated = new HashMap<>();
        checked.folder().scripts().forEach(s -> truncated.put(s.fileName(), s.truncatedTables()));
        return new SemanticGuard(truncated);
    }

    /**
     * Applies approvals and the baseline exemption to the findings of the static layer and, if it ran, of the
     * semantic layer; flags approvals without a reason, of unknown rules, or covering nothing. Writes nothing.
     */
    public GuardReport report(StaticResult result, Optional<SemanticGuard> semantic) {
        return report(result, semantic, List.of());
    }

    /**
     * Records the new migrations in {@code migrations.lock} if {@code report} is clean and came from both layers;
     * returns the report saying what it recorded.
     */
    public GuardReport record(StaticResult result, GuardReport report) {
        if (report.hasErrors() || !report.semanticRan()) {
            return report;
        }
        result.lock().record();
        return report.withRecorded(result.lock().updated() == null ? List.of() : result.lock().added());
    }

    private GuardReport report(StaticResult result, Optional<SemanticGuard> semantic, List<Violation> failures) {
        List<Violation> raw = new ArrayList<>(result.violations());
        raw.addAll(failures);
        List<MigrationEffect> effects = semantic.map(SemanticGuard::effects).orElse(List.of());

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
        // A view drop or rename is named by both layers, in the same words: report it once, where the text says it.
        Set<String> named = new HashSet<>();
        result.violations().forEach(v -> named.add(v.file() + '\u0000' + v.rule() + '\u0000' + v.message()));
        effects.forEach(effect -> effect.findings().stream()
                .filter(v -> !named.contains(v.file() + '\u0000' + v.rule() + '\u0000' + v.message()))
                .forEach(raw::add));
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
        List<String> notes = new ArrayList<>();
        List<String> staticOnly = result.folder().scripts().stream()
                .filter(s -> s.kind() == MigrationScript.Kind.IGNORED_BY_FLYWAY).map(MigrationScript::fileName).toList();
        if (semantic.isPresent() && !staticOnly.isEmpty()) {
            notes.add("checked statically only, as Flyway does not apply them: " + String.join(", ", staticOnly));
        }
        return new GuardReport(result.folder().scripts().size(), List.copyOf(remaining), inUse, effects, List.of(),
                semantic.isPresent(), result.millis(), semantic.map(SemanticGuard::elapsedMillis).orElse(0L), notes);
    }
}

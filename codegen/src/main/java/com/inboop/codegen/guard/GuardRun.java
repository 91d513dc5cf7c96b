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
import com.inboop.codegen.guard.rule.Approval;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;
import com.inboop.codegen.guard.semantic.MigrationEffect;
import com.inboop.codegen.guard.semantic.SemanticGuard;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * One run of the guard over a folder: what the static layer found, the semantic layer if it runs, the report of both,
 * and the lock file's recording. Made by {@link MigrationGuard#checkStatic()}; used by one thread, once.
 *
 * <p>The semantic layer runs either here ({@link #checkOn}: a throwaway database on a server) or inside a caller's
 * own migration run ({@link #semanticPass()}, handed to Flyway); {@link #report()} then reports both layers.
 */
public final class GuardRun {

    private final Path directory;
    private final MigrationFolder folder;
    private final LockCheck lock;
    private final List<Violation> staticViolations;
    private final long staticMillis;
    private SemanticGuard semantic;
    private final List<Violation> failures = new ArrayList<>();
    /** Files the semantic layer did not see applied, each with why. */
    private final List<String> skipped = new ArrayList<>();

    GuardRun(Path directory, MigrationFolder folder, LockCheck lock, List<Violation> staticViolations,
             long staticMillis) {
        this.directory = directory;
        this.folder = folder;
        this.lock = lock;
        this.staticViolations = List.copyOf(staticViolations);
        this.staticMillis = staticMillis;
    }

    /** The folder as the static layer read it. */
    public MigrationFolder folder() {
        return folder;
    }

    /**
     * The semantic layer for this folder (told which tables each migration truncates), to pass to Flyway while the
     * migrations are applied; the same one on every call, and from then on part of {@link #report()}.
     */
    public SemanticGuard semanticPass() {
        if (semantic == null) {
            Map<String, Set<String>> truncated = new HashMap<>();
            folder.scripts().forEach(s -> truncated.put(s.fileName(), s.truncatedTables()));
            semantic = new SemanticGuard(truncated);
        }
        return semantic;
    }

    /**
     * Runs the semantic layer: applies the migrations to a throwaway database on {@code server} (which this method
     * does not close) and reports both layers, whatever the static layer found. A migration that fails to apply is
     * a finding (IB316) where it failed; the migrations before it keep their semantic findings.
     */
    public GuardReport checkOn(EphemeralPostgres server, MigrationRunner runner) {
        List<String> notes = new ArrayList<>();
        if (folder.scripts().stream().noneMatch(s -> s.kind() == MigrationScript.Kind.VERSIONED)) {
            notes.add("semantic layer not run: no file here is a migration Flyway applies (V<version>__<name>.sql)");
            return report().withNotes(notes);
        }
        if (!folder.irregular().isEmpty()) {
            notes.add("semantic layer not run: " + folder.irregular().get(0).getFileName() + " is not a regular "
                    + "file, and Flyway would block reading it; remove it and check again");
            return report().withNotes(notes);
        }
        SemanticGuard pass = semanticPass();
        Map<String, Placeholders.Unresolved> unresolved = Placeholders.unresolved(directory,
                folder.scripts().stream().filter(MigrationScript::appliedByFlyway).toList(), runner.settings());
        unresolved.forEach((file, placeholder) -> {
            failures.add(new Violation(file, placeholder.line(), Rule.IB316, "placeholder ${" + placeholder.name()
                    + "} has no value, so Flyway cannot apply this file: the semantic layer set it aside and applied "
                    + "the rest. Give it one: flyway.placeholders." + placeholder.name() + " in the Flyway settings "
                    + "(--flyway-config, or a flyway.conf or flyway.toml beside the folder) or -Dflyway.placeholders."
                    + placeholder.name() + "=VALUE"));
            skipped.add(file + " (placeholder ${" + placeholder.name() + "} has no value)");
        });
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_guard");
             FolderWithout applied = FolderWithout.of(directory, unresolved.keySet())) {
            runner.migrate(database.target(), MigrationFiles.in(applied.directory()), pass);
        } catch (MigrationFailedException e) {
            String file = e.script().map(p -> p.getFileName().toString()).orElse(directory.getFileName() + "/");
            failures.add(new Violation(file, e.line(), Rule.IB316, e.getMessage().lines().findFirst().orElse("")
                    .replace(e.script().map(p -> p.toAbsolutePath() + (e.line() > 0 ? ":" + e.line()
                            + (e.column() > 0 ? ":" + e.column() : "") : "") + ": ").orElse(""), "")));
            notes.add("semantic layer stopped at " + file + "; the migrations after it were checked statically only");
            skipped.add(file + " (failed to apply) and every file after it");
        }
        return report().withNotes(notes);
    }

    /**
     * Applies approvals and the baseline exemption to the findings of the static layer and, if it ran, of the
     * semantic layer; flags approvals without a reason, of unknown rules, or covering nothing. Writes nothing.
     */
    public GuardReport report() {
        return report(Optional.ofNullable(semantic), failures);
    }

    /**
     * Records the new migrations in {@code migrations.lock} if {@code report} (this run's) is clean and came from both
     * layers; returns the report saying what it recorded.
     */
    public GuardReport record(GuardReport report) {
        if (report.hasErrors() || !report.semanticRan()) {
            return report;
        }
        lock.record();
        return report.withRecorded(lock.updated() == null ? List.of() : lock.added());
    }

    /**
     * Records the new migrations in {@code migrations.lock} on the static layer's word alone: for a build whose
     * fingerprint proves these exact migrations passed both layers when the classes were generated.
     */
    public void recordInLock() {
        lock.record();
    }

    private GuardReport report(Optional<SemanticGuard> semantic, List<Violation> failures) {
        List<Violation> raw = new ArrayList<>(staticViolations);
        raw.addAll(failures);
        List<MigrationEffect> effects = semantic.map(SemanticGuard::effects).orElse(List.of());

        Map<String, MigrationScript> scripts = new HashMap<>();
        folder.scripts().forEach(s -> scripts.put(s.fileName(), s));
        Map<Approval, Integer> uses = new LinkedHashMap<>();
        List<Violation> remaining = new ArrayList<>();
        List<Violation> approvalProblems = new ArrayList<>();
        for (MigrationScript script : folder.scripts()) {
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
        staticViolations.forEach(v -> named.add(v.file() + '\u0000' + v.rule() + '\u0000' + v.message()));
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
            // An approval of a rule only Postgres can find is judged only when the semantic layer ran.
            boolean judgeable = semantic.isPresent()
                    || !Rule.byCode(approval.code()).map(rule -> rule.layer().isSemantic()).orElse(false);
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
        List<String> staticOnly = folder.scripts().stream()
                .filter(s -> s.kind() == MigrationScript.Kind.IGNORED_BY_FLYWAY).map(MigrationScript::fileName).toList();
        if (semantic.isPresent() && !staticOnly.isEmpty()) {
            notes.add("checked statically only, as Flyway does not apply them: " + String.join(", ", staticOnly));
        }
        int applicable = (int) folder.scripts().stream().filter(MigrationScript::appliedByFlyway).count();
        GuardReport.Coverage coverage = semantic.map(pass -> new GuardReport.Coverage(pass.appliedFiles(), applicable,
                List.copyOf(skipped))).orElse(GuardReport.Coverage.none(applicable));
        return new GuardReport(folder.scripts().size(), List.copyOf(remaining), inUse, effects, List.of(),
                semantic.isPresent(), staticMillis, semantic.map(SemanticGuard::elapsedMillis).orElse(0L), coverage,
                notes);
    }
}

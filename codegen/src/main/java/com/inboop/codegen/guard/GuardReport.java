package com.inboop.codegen.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.inboop.codegen.guard.rule.Approval;
import com.inboop.codegen.guard.rule.Severity;
import com.inboop.codegen.guard.rule.Violation;
import com.inboop.codegen.guard.semantic.MigrationEffect;
import com.inboop.codegen.io.JsonText;

/**
 * The guard's verdict on a migrations folder: the findings left after approvals, the approvals in use, the locks
 * each migration took (when the semantic layer ran), and what was recorded in the lock file.
 *
 * @param migrations     how many SQL files were checked (versioned migrations and any other .sql file)
 * @param violations     findings not covered by an approval, in file and line order
 * @param approvals      approvals in use, each with the number of findings it covers
 * @param effects        per migration, what the semantic layer saw (empty if it did not run)
 * @param recorded       migrations appended to migrations.lock by this run
 * @param semanticRan    whether the semantic layer ran
 * @param staticMillis   time the static layer took
 * @param semanticMillis time the semantic layer added to applying the migrations (0 if it did not run)
 * @param coverage       which files the semantic layer analysed, of those Flyway applies, and why it skipped others
 * @param notes          what the reader must know to trust the verdict: a layer that did not run or stopped early,
 *                       files checked by one layer only, checks that did not apply
 */
public record GuardReport(int migrations, List<Violation> violations, Map<Approval, Integer> approvals,
                          List<MigrationEffect> effects, List<String> recorded, boolean semanticRan,
                          long staticMillis, long semanticMillis, Coverage coverage, List<String> notes) {

    /**
     * What the semantic layer analysed.
     *
     * @param analysed   files it saw applied
     * @param applicable files Flyway applies (versioned and repeatable migrations)
     * @param skipped    files it did not see applied, each with why ({@code R__x.sql (placeholder ${y} has no value)})
     */
    public record Coverage(int analysed, int applicable, List<String> skipped) {

        /** No semantic layer. */
        public static Coverage none(int applicable) {
            return new Coverage(0, applicable, List.of());
        }

        /** Whether it analysed every file Flyway applies. */
        public boolean complete() {
            return analysed >= applicable;
        }
    }

    /** This report with {@code more} notes after its own. */
    public GuardReport withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new GuardReport(migrations, violations, approvals, effects, recorded, semanticRan, staticMillis,
                semanticMillis, coverage, List.copyOf(all));
    }

    /** This report saying that {@code files} were appended to migrations.lock. */
    public GuardReport withRecorded(List<String> files) {
        return new GuardReport(migrations, violations, approvals, effects, List.copyOf(files), semanticRan,
                staticMillis, semanticMillis, coverage, notes);
    }

    /**
     * Which layers ran: {@code static+semantic} only when the semantic layer saw every file Flyway applies applied;
     * {@code static+semantic on N of M files} when it saw some; {@code static only} when it did not run.
     */
    public String layers() {
        if (!semanticRan) {
            return "static only";
        }
        return coverage.complete() ? "static+semantic"
                : "static+semantic on " + coverage.analysed() + " of " + coverage.applicable() + " files";
    }

    /** True if any remaining finding is an error. */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Number of remaining findings of a severity. */
    public long count(Severity severity) {
        return violations.stream().filter(v -> v.rule().severity() == severity).count();
    }

    /** One line for the build log. */
    public String summary() {
        return String.format("migration guard: %d files, %d errors, %d warnings, %d approvals in use; layers: %s "
                        + "(static %d ms%s)", migrations, count(Severity.ERROR), count(Severity.WARNING),
                approvals.size(), layers(), staticMillis, semanticRan ? ", semantic " + semanticMillis + " ms" : "");
    }

    /**
     * Human-readable report: findings as {@code file:line: CODE severity: message} with their fix, approvals in
     * use, optionally each migration's locks on existing tables, then the summary.
     */
    public String render(boolean withLocks) {
        StringBuilder text = new StringBuilder();
        violations.forEach(v -> text.append(v.render()).append('\n'));
        if (!approvals.isEmpty()) {
            text.append("approvals in use:\n");
            approvals.forEach((a, covered) -> text.append("  ").append(a.file()).append(':').append(a.line())
                    .append(": ").append(a.code()).append(" (").append(covered).append(" finding")
                    .append(covered == 1 ? "" : "s").append(") ").append(a.reason()).append('\n'));
        }
        if (withLocks) {
            for (MigrationEffect effect : effects) {
                if (!effect.tableLocks().isEmpty()) {
                    text.append("locks held by ").append(effect.script()).append(":\n");
                    effect.lockReport().forEach(line -> text.append("  ").append(line).append('\n'));
                }
            }
        }
        if (!recorded.isEmpty()) {
            text.append("recorded ").append(recorded.size() == 1 ? recorded.get(0)
                            : recorded.size() + " files (" + recorded.get(0) + " .. " + recorded.get(recorded.size() - 1) + ")")
                    .append(" in migrations.lock: commit the lock with the migration\n");
        }
        notes.forEach(note -> text.append("note: ").append(note).append('\n'));
        if (semanticRan && !coverage.complete()) {
            text.append("semantic: ").append(coverage.analysed()).append(" of ").append(coverage.applicable())
                    .append(" files").append(coverage.skipped().isEmpty() ? ""
                            : "; skipped: " + String.join(", ", coverage.skipped())).append('\n');
        }
        return text.append(summary()).toString();
    }

    /** The report as JSON: {@code {"violations": [...], "approvals": [...], "locks": [...], "summary": {...}}}. */
    public String toJson() {
        List<String> items = new ArrayList<>();
        for (Violation v : violations) {
            items.add("{\"file\":" + quote(v.file()) + ",\"line\":" + v.line() + ",\"code\":" + quote(v.rule().name())
                    + ",\"severity\":" + quote(v.rule().severity().toString()) + ",\"message\":" + quote(v.message())
                    + ",\"reason\":" + quote(v.rule().reason()) + ",\"fix\":" + quote(v.rule().fix()) + "}");
        }
        List<String> approvalItems = new ArrayList<>();
        approvals.forEach((a, covered) -> approvalItems.add("{\"file\":" + quote(a.file()) + ",\"line\":" + a.line()
                + ",\"code\":" + quote(a.code()) + ",\"reason\":" + quote(a.reason()) + ",\"covers\":" + covered + "}"));
        List<String> lockItems = new ArrayList<>();
        for (MigrationEffect effect : effects) {
            effect.tableLocks().forEach((table, modes) -> lockItems.add("{\"file\":" + quote(effect.script())
                    + ",\"table\":" + quote(table) + ",\"modes\":["
                    + String.join(",", modes.stream().map(GuardReport::quote).toList()) + "]}"));
        }
        return "{\"violations\":[" + String.join(",", items) + "],\"approvals\":[" + String.join(",", approvalItems)
                + "],\"locks\":[" + String.join(",", lockItems) + "],\"summary\":{\"migrations\":" + migrations
                + ",\"errors\":" + count(Severity.ERROR) + ",\"warnings\":" + count(Severity.WARNING)
                + ",\"semantic\":" + semanticRan + ",\"layers\":" + quote(layers()) + ",\"staticMillis\":"
                + staticMillis + ",\"semanticMillis\":" + semanticMillis + ",\"notes\":["
                + String.join(",", notes.stream().map(GuardReport::quote).toList()) + "],\"semanticFiles\":"
                + coverage.analysed() + ",\"semanticOf\":" + coverage.applicable() + ",\"semanticComplete\":"
                + (semanticRan && coverage.complete()) + ",\"semanticSkipped\":["
                + String.join(",", coverage.skipped().stream().map(GuardReport::quote).toList()) + "]}}";
    }

    static Comparator<Violation> order() {
        return Comparator.comparing(Violation::file).thenComparingInt(Violation::line)
                .thenComparing(v -> v.rule().name());
    }

    private static String quote(String value) {
        return JsonText.quote(value);
    }
}

package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.inboop.codegen.diff.MigrationSource;
import com.inboop.codegen.diff.SchemaChange;
import com.inboop.codegen.diff.SchemaComparison;
import com.inboop.codegen.io.JsonText;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * {@code diff FROM TO [--allow-breaking] [--format json] [--repo DIR] [--flyway-config FILE]}: applies the
 * migrations of both points to throwaway databases and reports the schema changes between them, each breaking or
 * safe for code compiled against FROM. Fails (exit 1) on a breaking change unless {@code --allow-breaking}; exit 2
 * when there is nothing to compare (a point whose migrations do not apply, named where that point keeps them).
 */
final class DiffCommand {

    static final String USAGE_TEXT = """
              diff FROM TO [--allow-breaking] [--format json] [--repo DIR] [--flyway-config FILE]
                FROM, TO         a git ref (HEAD~1, main, v1.2.0), worktree, dir:PATH, or jar:PATH (a released inboop-db jar)
                --allow-breaking exit 0 even if a change is breaking
                --repo DIR       the git repository (default: the current directory)""";

    private DiffCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        CommandLine line = CommandLine.parse(args, Set.of("--allow-breaking"), Set.of("--format", "--repo",
                "--flyway-config"), 2);
        List<String> points = line.operands();
        boolean allowBreaking = line.has("--allow-breaking");
        String format = line.value("--format").orElse("text");
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("--format takes text or json, not '" + format + "'");
        }
        boolean json = format.equals("json");
        Path repository = line.path("--repo").orElse(Path.of("")).toAbsolutePath();
        Optional<Path> flywayConfig = line.path("--flyway-config");
        if (points.size() != 2) {
            throw new IllegalArgumentException("diff needs two points, FROM and TO, e.g. diff main worktree");
        }
        List<SchemaChange> changes;
        try (EphemeralPostgres postgres = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage())
                .start()) {
            changes = SchemaComparison.compare(new MigrationSource(points.get(0)), new MigrationSource(points.get(1)),
                    repository, InboopDbCli.runner(flywayConfig), postgres);
        }
        long breaking = changes.stream().filter(SchemaChange::breaking).count();
        out.println(json ? toJson(points, changes, breaking) : render(points, changes, breaking));
        return breaking > 0 && !allowBreaking ? InboopDbCli.FAILED : InboopDbCli.CLEAN;
    }

    private static String render(List<String> points, List<SchemaChange> changes, long breaking) {
        StringBuilder text = new StringBuilder();
        changes.forEach(change -> text.append(change.render()).append('\n'));
        return text.append(String.format("schema changes from %s to %s: %d, %d breaking", points.get(0),
                points.get(1), changes.size(), breaking)).toString();
    }

    private static String toJson(List<String> points, List<SchemaChange> changes, long breaking) {
        List<String> items = changes.stream().map(c -> "{\"object\":" + JsonText.quote(c.object()) + ",\"change\":"
                + JsonText.quote(c.change()) + ",\"breaking\":" + c.breaking() + "}").toList();
        return "{\"from\":" + JsonText.quote(points.get(0)) + ",\"to\":" + JsonText.quote(points.get(1))
                + ",\"changes\":[" + String.join(",", items) + "],\"breaking\":" + breaking + "}";
    }
}
